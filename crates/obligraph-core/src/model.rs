//! Plans, obligations, assignments and agencies.

use crate::deadline::{Deadline, Window};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A level of government (cấp).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Trung ương: the Government, ministries, supreme court and procuracy.
    National,
    /// Tỉnh / thành phố trực thuộc trung ương.
    Province,
    /// Huyện / quận / thị xã (abolished 1 July 2025).
    District,
    /// Xã / phường / đặc khu.
    Commune,
    /// Inside one agency (its offices and units).
    Unit,
}

impl Level {
    /// The level one step up, if any.
    pub fn up(self) -> Option<Level> {
        match self {
            Level::National => None,
            Level::Province => Some(Level::National),
            Level::District => Some(Level::Province),
            Level::Commune => Some(Level::District),
            Level::Unit => None,
        }
    }

    /// Vietnamese name of the level.
    pub fn vietnamese(self) -> &'static str {
        match self {
            Level::National => "trung ương",
            Level::Province => "cấp tỉnh",
            Level::District => "cấp huyện",
            Level::Commune => "cấp xã",
            Level::Unit => "đơn vị",
        }
    }
}

/// A collective agent: a group of agencies named together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Collective {
    /// "các bộ, ngành (trung ương)": ministries and ministry-level bodies.
    Ministries,
    /// "UBND các tỉnh, thành phố (trực thuộc trung ương)".
    ProvinceCommittees,
    /// "các sở, ban, ngành": the departments of a province.
    Departments,
    /// "UBND các huyện, thị xã, thành phố" (until 1 July 2025).
    DistrictCommittees,
    /// "UBND các xã, phường (, thị trấn)".
    CommuneCommittees,
    /// "các cơ quan, đơn vị (, địa phương) liên quan".
    Related,
    /// "các phòng, đơn vị trực thuộc": the units inside an agency.
    Units,
    /// "các tổ chức chính trị - xã hội", "các hội, đoàn thể": mass organisations.
    MassOrganisations,
}

impl Collective {
    /// Whether a body at `level` (ordered by a People's Committee or not) is a
    /// member of this collective.
    pub fn includes_level(self, level: Level) -> bool {
        match self {
            Collective::Ministries => level == Level::National,
            Collective::ProvinceCommittees | Collective::Departments => level == Level::Province,
            Collective::DistrictCommittees => level == Level::District,
            Collective::CommuneCommittees => level == Level::Commune,
            Collective::Units => level == Level::Unit,
            Collective::Related | Collective::MassOrganisations => true,
        }
    }
}

/// An agency (cơ quan): a body, or a collective agent.
///
/// `field` is the area of government it carries (e.g. `justice` for Bộ Tư
/// pháp, Sở Tư pháp and Phòng Tư pháp), so that counterparts across levels
/// can be found.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Agency {
    /// Canonical id, e.g. `province:justice`, `national:police`,
    /// `collective:departments`, or `unresolved:<name>` when no table entry
    /// matched.
    pub id: String,
    /// Canonical Vietnamese name.
    pub name: String,
    /// Level of government; `None` when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// Field of government shared with its counterparts, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Whether a People's Committee can order it. Courts, procuracies, the
    /// Fatherland Front and its members, and the Bar cannot: they are
    /// requested ("đề nghị").
    pub orderable: bool,
    /// Set when this is a collective agent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collective: Option<Collective>,
}

impl Agency {
    /// Whether this is a collective agent.
    pub fn is_collective(&self) -> bool {
        self.collective.is_some()
    }

    /// Whether `self` and `other` carry the same field (they are
    /// counterparts when their levels differ).
    pub fn same_field(&self, other: &Agency) -> bool {
        match (&self.field, &other.field) {
            (Some(a), Some(b)) => a == b,
            _ => self.id == other.id,
        }
    }

    /// Whether this agent is, or includes, `other`: the same agency, or a
    /// collective whose members are at `other`'s level.
    pub fn includes(&self, other: &Agency) -> bool {
        if self.id == other.id {
            return true;
        }
        match (self.collective, other.level) {
            (Some(c), Some(l)) if other.collective.is_none() => c.includes_level(l),
            (Some(c), _) => other.collective == Some(c),
            _ => false,
        }
    }
}

/// A role in an assignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// chủ trì: responsible.
    Lead,
    /// phối hợp: supports the lead.
    Support,
}

/// An agency given a role in an obligation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Assignment {
    /// The agency.
    pub agency: Agency,
    /// Lead or support.
    pub role: Role,
    /// Requested ("đề nghị") rather than ordered.
    pub requested: bool,
    /// The scope note in parentheses, e.g. "đối với tổ chức của cơ quan điều tra".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// The name as the document wrote it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub as_written: String,
}

/// A line range in the source document (1-based, inclusive), and, for a
/// document whose lines no reader sees (a Word document, a spreadsheet),
/// the place a reader finds it at.
///
/// The lines of a `.docx` or `.xlsx` input are those of the text the
/// importer made of it; `place` says where that text sits in the file.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SourceSpan {
    /// First line.
    pub line_start: u32,
    /// Last line.
    pub line_end: u32,
    /// Where a reader of the original file finds it, when the input was
    /// not text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
}

/// Where something sits in a Word document or a spreadsheet, in the terms
/// its reader sees (all numbers 1-based).
///
/// # Display
///
/// ```
/// use obligraph_core::Place;
/// assert_eq!(Place::Paragraphs { first: 12, last: 12 }.to_string(), "¶12");
/// assert_eq!(Place::Paragraphs { first: 12, last: 14 }.to_string(), "¶12–14");
/// let row = Place::TableRows { table: 2, first: 5, last: 5, cell: Some(3) };
/// assert_eq!(row.to_string(), "table 2, row 5, cell 3");
/// let rows = Place::TableRows { table: 2, first: 5, last: 6, cell: None };
/// assert_eq!(rows.to_string(), "table 2, rows 5–6");
/// let cell = Place::SheetRows { sheet: "Sheet1".into(), first: 7, last: 7, column: 3 };
/// assert_eq!(cell.to_string(), "Sheet1!C7");
/// let cells = Place::SheetRows { sheet: "Phụ lục 1".into(), first: 7, last: 8, column: 28 };
/// assert_eq!(cells.to_string(), "'Phụ lục 1'!AB7:AB8");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Place {
    /// Body paragraphs of a Word document, counted over the body (empty
    /// paragraphs included, paragraphs inside tables not).
    Paragraphs {
        /// First paragraph.
        first: u32,
        /// Last paragraph.
        last: u32,
    },
    /// Rows of a table of a Word document: tables counted in the body
    /// (tables nested in a cell not), rows counted in the table (header
    /// rows included).
    TableRows {
        /// The table.
        table: u32,
        /// First row.
        first: u32,
        /// Last row.
        last: u32,
        /// The cell (counted along the row's grid) holding the text, when
        /// known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cell: Option<u32>,
    },
    /// Cells of one column of a spreadsheet, rows as the spreadsheet
    /// numbers them.
    SheetRows {
        /// The sheet's name.
        sheet: String,
        /// First row.
        first: u32,
        /// Last row.
        last: u32,
        /// The column (A = 1).
        column: u32,
    },
}

/// The column's letters as a spreadsheet shows them: 1 → `A`, 28 → `AB`.
///
/// ```
/// assert_eq!(obligraph_core::column_letters(1), "A");
/// assert_eq!(obligraph_core::column_letters(26), "Z");
/// assert_eq!(obligraph_core::column_letters(27), "AA");
/// ```
pub fn column_letters(column: u32) -> String {
    let mut n = column;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Place::Paragraphs { first, last } if last > first => write!(f, "¶{first}–{last}"),
            Place::Paragraphs { first, .. } => write!(f, "¶{first}"),
            Place::TableRows {
                table,
                first,
                last,
                cell,
            } => {
                if last > first {
                    write!(f, "table {table}, rows {first}–{last}")?;
                } else {
                    write!(f, "table {table}, row {first}")?;
                }
                match cell {
                    Some(c) => write!(f, ", cell {c}"),
                    None => Ok(()),
                }
            }
            Place::SheetRows {
                sheet,
                first,
                last,
                column,
            } => {
                let col = column_letters(*column);
                if sheet.chars().all(|c| c.is_alphanumeric() || c == '_') {
                    write!(f, "{sheet}!")?;
                } else {
                    write!(f, "'{}'!", sheet.replace('\'', "''"))?;
                }
                if last > first {
                    write!(f, "{col}{first}:{col}{last}")
                } else {
                    write!(f, "{col}{first}")
                }
            }
        }
    }
}

/// What kind of duty an obligation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ObligationKind {
    /// A task of the plan (nhiệm vụ).
    #[default]
    Task,
    /// A plan-level duty to report results upward (báo cáo).
    Report,
    /// A plan-level duty to draft a derived plan (xây dựng kế hoạch).
    DraftPlan,
    /// A plan-level duty to monitor, urge, inspect or compile (theo dõi,
    /// đôn đốc, kiểm tra, tổng hợp).
    Monitor,
}

/// A reference to an obligation, in this plan (`plan` = `None`) or another.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ObligationRef {
    /// The plan's document number, `None` for the same plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    /// The obligation id.
    pub id: String,
}

/// An obligation: a task or duty, who carries it, and by when.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Obligation {
    /// Stable id from the document's own numbering, e.g. `II.2.3`, `B.IV.5`.
    pub id: String,
    /// The task text, as written (NFC, line breaks joined).
    pub text: String,
    /// Task, report, draft-a-plan or monitoring duty.
    #[serde(default)]
    pub kind: ObligationKind,
    /// Who leads, supports, or is requested.
    #[serde(default)]
    pub assignments: Vec<Assignment>,
    /// Expected output (kết quả dự kiến / sản phẩm).
    #[serde(default)]
    pub output: Option<String>,
    /// The deadline, when one was parsed.
    #[serde(default)]
    pub deadline: Option<Deadline>,
    /// The deadline text as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline_text: Option<String>,
    /// Parent obligations this one carries out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub implements: Vec<ObligationRef>,
    /// Reports this one feeds (the report that compiles it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub feeds: Vec<ObligationRef>,
    /// Obligations that must be done before this one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after: Vec<ObligationRef>,
    /// The id of the section it sits in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The obligation of the same plan this one restates: a body item
    /// written again as an appendix row ("II.2-3" restates "PL.2.3"). The
    /// two stay two obligations, each with its own location; the body item
    /// carries the row's roles and deadline when it states none itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restates: Option<String>,
    /// The appendix rows whose roles and deadline it carries, in row
    /// order: a body item that states none of its own over the heading of
    /// a group of rows (Đồng Nai's "II.2.đ Thúc đẩy và nâng cao các hoạt
    /// động hỗ trợ …" over PL.B.V.1–3). Its `assignments` are then the
    /// union of the rows' (and its deadline theirs when it states none:
    /// [`Obligation::deadline_from`]): derived, not written at it (see
    /// [`Obligation::own_assignments`]). Empty when its roles are its own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles_from: Vec<String>,
    /// The appendix rows whose deadlines its `deadline` is the union of
    /// (those of [`Obligation::roles_from`] that state one), when it states
    /// none of its own; empty when its deadline is its own or absent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deadline_from: Vec<String>,
    /// Where it came from in the source.
    #[serde(default)]
    pub source: SourceSpan,
}

impl Obligation {
    /// A task with just an id and a text; the rest empty.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Obligation {
            id: id.into(),
            text: text.into(),
            kind: ObligationKind::Task,
            assignments: Vec::new(),
            output: None,
            deadline: None,
            deadline_text: None,
            implements: Vec::new(),
            feeds: Vec::new(),
            after: Vec::new(),
            section: None,
            restates: None,
            roles_from: Vec::new(),
            deadline_from: Vec::new(),
            source: SourceSpan::default(),
        }
    }

    /// Whether its roles and deadline are carried from appendix rows
    /// ([`Obligation::roles_from`]) rather than written at it.
    pub fn roles_carried(&self) -> bool {
        !self.roles_from.is_empty()
    }

    /// The assignments written at the obligation itself: none when they
    /// are carried from the rows it heads ([`Obligation::roles_from`]),
    /// whose own obligations hold them.
    pub fn own_assignments(&self) -> &[Assignment] {
        if self.roles_carried() {
            &[]
        } else {
            &self.assignments
        }
    }

    /// The lead assignments written at the obligation itself
    /// ([`Obligation::own_assignments`]).
    pub fn own_leads(&self) -> impl Iterator<Item = &Assignment> {
        self.own_assignments()
            .iter()
            .filter(|a| a.role == Role::Lead)
    }

    /// The support assignments written at the obligation itself.
    pub fn own_supports(&self) -> impl Iterator<Item = &Assignment> {
        self.own_assignments()
            .iter()
            .filter(|a| a.role == Role::Support)
    }

    /// The deadline written at the obligation itself: none when carried
    /// from rows ([`Obligation::deadline_from`]).
    pub fn own_deadline(&self) -> Option<&Deadline> {
        self.deadline
            .as_ref()
            .filter(|_| self.deadline_from.is_empty())
    }

    /// The deadline text written at the obligation itself.
    pub fn own_deadline_text(&self) -> Option<&str> {
        self.deadline_text
            .as_deref()
            .filter(|_| self.deadline_from.is_empty())
    }

    /// The lead assignments.
    pub fn leads(&self) -> impl Iterator<Item = &Assignment> {
        self.assignments.iter().filter(|a| a.role == Role::Lead)
    }

    /// The support assignments.
    pub fn supports(&self) -> impl Iterator<Item = &Assignment> {
        self.assignments.iter().filter(|a| a.role == Role::Support)
    }
}

/// A cited document: a decision or plan implemented, or a legal basis.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DocRef {
    /// Number as written, e.g. `2715/QĐ-TTg`; `None` when the extraction lost it.
    pub number: Option<String>,
    /// Date as cited (kept even when wrong, for the audit to catch).
    pub date: Option<NaiveDate>,
    /// Issuer as cited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// Title or subject as cited.
    pub title: Option<String>,
    /// Source line of the citation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
}

/// A section of the plan's structure.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Section {
    /// Stable id from the numbering, e.g. `II`, `II.1`, `B.IV`.
    pub id: String,
    /// Heading text.
    pub title: String,
    /// The parent section's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Source line of the heading.
    #[serde(default)]
    pub line: u32,
}

/// An implementation plan (kế hoạch) or decision (quyết định).
///
/// # JSON
///
/// A plan round-trips through serde JSON; `examples/data/*.json` are
/// complete examples.
///
/// ```
/// use obligraph_core::{Plan, Obligation};
/// let mut plan = Plan::default();
/// plan.number = Some("74/KH-UBND".into());
/// plan.obligations.push(Obligation::new("II.1", "Rà soát pháp luật"));
/// let json = serde_json::to_string(&plan).unwrap();
/// let back: Plan = serde_json::from_str(&json).unwrap();
/// assert_eq!(plan, back);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Plan {
    /// Document number, e.g. `74/KH-UBND`.
    pub number: Option<String>,
    /// Title.
    #[serde(default)]
    pub title: Option<String>,
    /// Issuer, e.g. "Ủy ban nhân dân tỉnh Đồng Nai".
    pub issuer: Option<String>,
    /// Place of issue ("Đồng Nai").
    #[serde(default)]
    pub place: Option<String>,
    /// Date of issue.
    pub date: Option<NaiveDate>,
    /// Level of the issuer.
    pub level: Option<Level>,
    /// The territory it covers ("tỉnh Đồng Nai").
    #[serde(default)]
    pub jurisdiction: Option<String>,
    /// The documents it carries out.
    #[serde(default)]
    pub implements: Vec<DocRef>,
    /// Legal bases cited ("Căn cứ …").
    #[serde(default)]
    pub legal_bases: Vec<DocRef>,
    /// Validity window: recurring deadlines are bounded by it.
    #[serde(default)]
    pub validity: Option<Window>,
    /// Section tree, flattened in document order.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// Tasks and plan-level duties.
    #[serde(default)]
    pub obligations: Vec<Obligation>,
}

impl Plan {
    /// The obligation with `id`.
    pub fn obligation(&self, id: &str) -> Option<&Obligation> {
        self.obligations.iter().find(|o| o.id == id)
    }

    /// The sections `o` sits in, its own first, the top level last (at
    /// most 12: a cycle in a hand-written plan stops there).
    pub fn section_chain(&self, o: &Obligation) -> Vec<&Section> {
        let mut chain: Vec<&Section> = Vec::new();
        let mut id = o.section.as_deref();
        for _ in 0..12 {
            let Some(s) = id.and_then(|i| self.sections.iter().find(|s| s.id == i)) else {
                break;
            };
            chain.push(s);
            id = s.parent.as_deref();
        }
        chain
    }

    /// Plan-level duties: reports, drafting and monitoring duties.
    pub fn duties(&self) -> impl Iterator<Item = &Obligation> {
        self.obligations
            .iter()
            .filter(|o| o.kind != ObligationKind::Task)
    }

    /// The validity window, or, when the plan gives none, the plan's year to
    /// five years on (the usual horizon), or `None` without a date.
    pub fn effective_window(&self) -> Option<Window> {
        use chrono::Datelike;
        self.validity.or_else(|| {
            self.date
                .map(|d| Window::new(d, Window::years(d.year(), d.year() + 4).end))
        })
    }

    /// A short label: the number, else the title, else "(unnamed plan)".
    pub fn label(&self) -> String {
        self.number
            .clone()
            .or_else(|| self.title.clone())
            .unwrap_or_else(|| "(unnamed plan)".to_string())
    }
}
