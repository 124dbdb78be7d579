//! The Vietnamese lexicon against the real corpus: deadline phrase families,
//! agency names of the seed plans, counterparts, the 2025 reorganisation,
//! and a render → parse round trip over every deadline shape.

use chrono::NaiveDate;
use obligraph_core::{
    DayBound, Deadline, DelayUnit, DueDay, Level, MilestoneKind, Period, Recurrence, Role, Trigger,
};
use obligraph_vn::agency::{
    counterpart, parse_agency_list, parse_inline_roles, resolve_agency, AgencyContext,
};
use obligraph_vn::deadline_phrase::{find_deadline, parse_deadline, DeadlineContext};
use obligraph_vn::reorg::{status_on, AgencyStatus};
use std::collections::BTreeMap;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn seed(name: &str) -> String {
    let path = format!(
        "{}/../../examples/data/seeds/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn dong_nai() -> DeadlineContext {
    DeadlineContext::on(d(2026, 2, 5))
}

fn rec(period: Period) -> Recurrence {
    Recurrence {
        period,
        due: None,
        from_year: None,
    }
}

fn on_request(by: &str, recurrence: Option<Recurrence>) -> Deadline {
    Deadline::Event {
        trigger: Trigger::OnRequest {
            by: Some(by.into()),
        },
        recurrence,
    }
}

fn guidance(by: &str) -> Deadline {
    Deadline::event(Trigger::PerGuidance {
        by: Some(by.into()),
    })
}

fn all(parts: Vec<Deadline>) -> Deadline {
    Deadline::All { parts }
}

// ---------------------------------------------------------------------------
// Deadline phrase families, one test each, with corpus text.

#[test]
fn once_before_a_full_date() {
    // ngo-quyen-102-2023, IV.1
    let ctx = DeadlineContext::on(d(2023, 4, 14));
    let m = find_deadline(
        "gửi về Ủy ban nhân dân quận trước ngày 21/4/2023 để theo dõi.",
        &ctx,
    )
    .unwrap();
    assert_eq!(m.deadline, Deadline::once_before(d(2023, 4, 21)));
    assert_eq!(
        parse_deadline("chậm nhất ngày 31/10/2026", &ctx),
        Some(Deadline::Once {
            date: d(2026, 10, 31),
            bound: DayBound::AtLatest
        })
    );
    // Lost digits are never guessed.
    assert_eq!(parse_deadline("ngày /4/2023", &ctx), None);
}

#[test]
fn annual_with_day_bold_and_once_combined() {
    // dong-nai-74-2026, IV.1.a
    let prose = "a) Trên cơ sở các nhiệm vụ được phân công tại Phụ lục kèm theo Kế hoạch này và tình hình thực tiễn xây dựng Kế hoạch, hoàn thành **trước ngày 13/02/2026**; định kỳ báo cáo kết quả thực hiện **trước ngày 05/11** hàng năm về UBND tỉnh (qua Sở Tư pháp) để tổng hợp.";
    let m = find_deadline(prose, &dong_nai()).unwrap();
    assert_eq!(
        m.deadline,
        all(vec![
            Deadline::once_before(d(2026, 2, 13)),
            Deadline::annual(DueDay::before(11, 5)),
        ])
    );
    assert!(prose[m.start..m.end].starts_with("hoàn thành **trước ngày 13/02/2026"));
    assert!(prose[m.start..m.end].ends_with("hàng năm"));
}

#[test]
fn annual_or_ad_hoc() {
    // dong-nai-74-2026, IV.4
    let prose = "Định kỳ **trước ngày 20/11** hàng năm hoặc đột xuất tổng hợp, tham mưu Ủy ban nhân dân tỉnh báo cáo Bộ Tư pháp kết quả thực hiện theo quy định.";
    let want = all(vec![
        Deadline::annual(DueDay::before(11, 20)),
        Deadline::event(Trigger::AdHoc),
    ]);
    assert_eq!(find_deadline(prose, &dong_nai()).unwrap().deadline, want);
    assert_eq!(
        parse_deadline(
            "Định kỳ trước ngày 20/11 hàng năm hoặc đột xuất",
            &dong_nai()
        ),
        Some(want)
    );
}

#[test]
fn annual_with_day_in_parentheses_and_far_apart() {
    // binh-thuan-qd87-2023, III.1 and III.4
    let ctx = DeadlineContext::on(d(2023, 5, 1));
    let m = find_deadline(
        "Định kỳ hàng năm (trước ngày 01/11) báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh (qua Công an tỉnh)",
        &ctx,
    )
    .unwrap();
    assert_eq!(m.deadline, Deadline::annual(DueDay::before(11, 1)));
    let m = find_deadline(
        "hợp theo chức năng và nhiệm vụ; hàng năm gửi thông tin về các hoạt động đã \nthực hiện, khó khăn, vướng mắc và kiến nghị có liên quan về Công an tỉnh trước \nngày 01/11 để tổng hợp.",
        &ctx,
    )
    .unwrap();
    assert_eq!(m.deadline, Deadline::annual(DueDay::before(11, 1)));
}

#[test]
fn day_month_alone_takes_the_plan_year() {
    assert_eq!(
        parse_deadline("trước ngày 05/11", &dong_nai()),
        Some(Deadline::once_before(d(2026, 11, 5)))
    );
    // A day already past on the plan's date still takes the plan's year.
    assert_eq!(
        parse_deadline("trước ngày 01/01", &dong_nai()),
        Some(Deadline::once_before(d(2026, 1, 1)))
    );
    assert_eq!(
        parse_deadline("trước ngày 05/11", &DeadlineContext::default()),
        None
    );
}

#[test]
fn annual_table_cells() {
    // dong-nai-74-2026 and ngo-quyen-102-2023 "Thời hạn" cells
    for cell in [
        "Hàng năm",
        "<p>Hàng năm</p>",
        "hằng năm",
        "Định kỳ hàng năm",
    ] {
        assert_eq!(
            parse_deadline(cell, &dong_nai()),
            Some(Deadline::every(Period::Year)),
            "{cell}"
        );
    }
}

#[test]
fn on_request_each_year() {
    // dong-nai-74-2026 appendix
    assert_eq!(
        parse_deadline("Theo yêu cầu của Bộ Công an hàng năm", &dong_nai()),
        Some(on_request("Bộ Công an", Some(rec(Period::Year))))
    );
    assert_eq!(
        parse_deadline(
            "<p>Theo yêu cầu của Bộ, ngành trung ương hàng năm</p>",
            &dong_nai()
        ),
        Some(on_request("Bộ, ngành trung ương", Some(rec(Period::Year))))
    );
    // OCR slip "câu" for "cầu", as in row 3.2 joined across the page break.
    assert_eq!(
        parse_deadline("Theo yêu câu của Bộ Công an hàng năm", &dong_nai()),
        Some(on_request("Bộ Công an", Some(rec(Period::Year))))
    );
    assert_eq!(
        parse_deadline(
            "Theo yêu cầu của Bộ Văn hóa, Thể thao và Du lịch",
            &dong_nai()
        ),
        Some(on_request("Bộ Văn hóa, Thể thao và Du lịch", None))
    );
    // binh-thuan: recurrence before the request.
    assert_eq!(
        parse_deadline("hàng năm theo yêu cầu của Bộ Tư pháp", &dong_nai()),
        Some(on_request("Bộ Tư pháp", Some(rec(Period::Year))))
    );
}

#[test]
fn within_year_and_on_request() {
    // dong-nai-74-2026, row 1.12
    assert_eq!(
        parse_deadline(
            "Trong năm 2030, theo yêu cầu của Bộ, ngành trung ương",
            &dong_nai()
        ),
        Some(all(vec![
            Deadline::WithinYear { year: 2030 },
            on_request("Bộ, ngành trung ương", None)
        ]))
    );
}

#[test]
fn span_of_years_and_on_request() {
    // binh-thuan-qd87-2023, II.1 inline parenthesis
    assert_eq!(
        parse_deadline(
            "từ năm 2024 đến 2026 theo yêu cầu của Bộ Tư pháp",
            &dong_nai()
        ),
        Some(all(vec![
            Deadline::During {
                from: 2024,
                to: 2026
            },
            on_request("Bộ Tư pháp", None)
        ]))
    );
}

#[test]
fn spans_with_irregular_spacing() {
    // ngo-quyen-102-2023 "Thời hạn hoàn thành" cells
    for (cell, from, to) in [
        ("2023 -2024", 2023, 2024),
        ("2023- 2024", 2023, 2024),
        ("2023 -2025", 2023, 2025),
        ("2023 - 2028", 2023, 2028),
    ] {
        assert_eq!(
            parse_deadline(cell, &dong_nai()),
            Some(Deadline::During { from, to }),
            "{cell}"
        );
    }
}

#[test]
fn per_guidance() {
    // dong-nai-74-2026 appendix; hue-qd2715-2026 "Thời gian:" lines; ngo-quyen 2.6.a
    assert_eq!(
        parse_deadline("Theo hướng dẫn của Tòa án nhân dân tối cao", &dong_nai()),
        Some(guidance("Tòa án nhân dân tối cao"))
    );
    assert_eq!(
        parse_deadline(
            "Thời gian: Theo hướng dẫn Bộ, Ban ngành Trung ương.",
            &dong_nai()
        ),
        Some(guidance("Bộ, Ban ngành Trung ương"))
    );
    assert_eq!(
        parse_deadline("Thực hiện chỉ đạo của Sở Tư pháp", &dong_nai()),
        Some(guidance("Sở Tư pháp"))
    );
    // dong-nai-74-2026 B.I.1, cut across a page: "Theo chương" / "trình công tác …"
    assert_eq!(
        parse_deadline(
            "Theo chương trình công tác của các cơ quan liên quan",
            &dong_nai()
        ),
        Some(guidance("các cơ quan liên quan"))
    );
}

#[test]
fn milestones() {
    // dong-nai-74-2026 D.I.1 and D.I.2
    assert_eq!(
        parse_deadline(
            "Báo cáo sơ kết: năm 2028 Báo cáo tổng kết: năm 2030",
            &dong_nai()
        ),
        Some(all(vec![
            Deadline::Milestone {
                milestone: MilestoneKind::MidtermReview,
                year: Some(2028)
            },
            Deadline::Milestone {
                milestone: MilestoneKind::FinalReview,
                year: Some(2030)
            },
        ]))
    );
    assert_eq!(
        parse_deadline(
            "- Báo cáo giữa kỳ: 2028 - Báo cáo quốc gia định kỳ lần thứ năm: 2031",
            &dong_nai()
        ),
        Some(all(vec![
            Deadline::Milestone {
                milestone: MilestoneKind::MidtermReport,
                year: Some(2028)
            },
            Deadline::Milestone {
                milestone: MilestoneKind::NationalReport,
                year: Some(2031)
            },
        ]))
    );
    // OCR slip "Bảo cáo" (dong-nai-74-2026 C.4 output cell) for "Báo cáo".
    assert_eq!(
        parse_deadline("Bảo cáo giữa kỳ: 2028", &dong_nai()),
        Some(Deadline::Milestone {
            milestone: MilestoneKind::MidtermReport,
            year: Some(2028)
        })
    );
    // binh-thuan-qd87-2023 III.2: "sơ kết hàng năm và … tổng kết 05 năm" (plan 2023 + 5).
    let ctx = DeadlineContext::on(d(2023, 5, 1));
    let m = find_deadline(
        "chủ trì tổng hợp, báo cáo sơ kết hàng năm và báo cáo tổng kết 05 năm đánh giá việc thực hiện Kế hoạch này.",
        &ctx,
    )
    .unwrap();
    assert_eq!(
        m.deadline,
        all(vec![
            Deadline::every(Period::Year),
            Deadline::Milestone {
                milestone: MilestoneKind::FinalReview,
                year: Some(2028)
            },
        ])
    );
}

#[test]
fn within_a_year_labelled() {
    // hue-sokhcn-de-an-65-2026
    assert_eq!(
        parse_deadline("- Thời gian thực hiện: Năm 2026. ", &dong_nai()),
        Some(Deadline::WithinYear { year: 2026 })
    );
    assert_eq!(
        parse_deadline("năm 2026", &dong_nai()),
        Some(Deadline::WithinYear { year: 2026 })
    );
    // In prose a bare year names a law, not a deadline.
    assert_eq!(
        find_deadline("phù hợp với các quy định của Hiến pháp năm 2013 và Chương VIII của Luật Điều ước quốc tế năm 2016", &dong_nai()),
        None
    );
}

#[test]
fn semiannual_and_annual() {
    // hue-sokhcn-de-an-65-2026 IV.1, line-broken between "06" and "tháng"
    let m = find_deadline(
        "- Theo dõi, đôn đốc, tổng hợp tình hình, kết quả thực hiện; định kỳ 06 \n\ntháng và hằng năm báo cáo việc triển khai Đề án",
        &dong_nai(),
    )
    .unwrap();
    assert_eq!(
        m.deadline,
        all(vec![
            Deadline::every(Period::HalfYear),
            Deadline::every(Period::Year)
        ])
    );
}

#[test]
fn quarter_month_horizon_continuous_relative() {
    let c = dong_nai();
    assert_eq!(
        parse_deadline("Quý I/2026", &c),
        Some(Deadline::WithinQuarter {
            year: 2026,
            quarter: 1
        })
    );
    assert_eq!(
        parse_deadline("trong quý III/2026", &c),
        Some(Deadline::WithinQuarter {
            year: 2026,
            quarter: 3
        })
    );
    assert_eq!(
        parse_deadline("tháng 6/2026", &c),
        Some(Deadline::WithinMonth {
            year: 2026,
            month: 6
        })
    );
    assert_eq!(
        parse_deadline("đến năm 2030", &c),
        Some(Deadline::Horizon { to: 2030 })
    );
    assert_eq!(
        parse_deadline("Thường xuyên", &c),
        Some(Deadline::Continuous)
    );
    assert_eq!(
        parse_deadline(
            "Trong thời hạn 05 ngày làm việc, kể từ ngày nhận được yêu cầu giải trình",
            &c
        ),
        Some(Deadline::Relative {
            n: 5,
            unit: DelayUnit::WorkingDay,
            from: "nhận được yêu cầu giải trình".into()
        })
    );
    assert_eq!(
        parse_deadline(
            "Chậm nhất ngày 06 (sáu) của tháng cuối quý đối với báo cáo định kỳ hằng quý",
            &c
        ),
        Some(Deadline::Recurring(Recurrence {
            period: Period::Quarter,
            due: Some(DueDay::at_latest(3, 6)),
            from_year: None
        }))
    );
    assert_eq!(
        parse_deadline(
            "Chậm nhất ngày 25 (hai mươi lăm) tháng 11 (mười một) đối với báo cáo định kỳ hằng năm",
            &c
        ),
        Some(Deadline::annual(DueDay::at_latest(11, 25)))
    );
    assert_eq!(
        parse_deadline("năm 2025 và các năm tiếp theo", &c),
        Some(Deadline::Recurring(Recurrence {
            period: Period::Year,
            due: None,
            from_year: Some(2025)
        }))
    );
}

#[test]
fn on_request_without_requester() {
    // ngo-quyen-102-2023 II.5
    let m = find_deadline(
        "Tham gia ý kiến nội dung dự thảo Báo cáo quốc gia CAT định kỳ theo yêu cầu của Ban soạn thảo Báo cáo quốc gia CAT (khi có yêu cầu).",
        &dong_nai(),
    )
    .unwrap();
    assert_eq!(
        m.deadline,
        all(vec![
            on_request("Ban soạn thảo Báo cáo quốc gia CAT", None),
            Deadline::event(Trigger::OnRequest { by: None }),
        ])
    );
    assert_eq!(
        parse_deadline("(khi có yêu cầu)", &dong_nai()),
        Some(Deadline::event(Trigger::OnRequest { by: None }))
    );
}

#[test]
fn not_deadlines() {
    for s in [
        "Theo quy định",
        "theo quy định hiện hành",
        "theo thẩm quyền",
        "theo chức năng, nhiệm vụ",
        "",
        "Báo cáo rà soát",
    ] {
        assert_eq!(parse_deadline(s, &dong_nai()), None, "{s}");
    }
}

#[test]
fn nfd_and_old_tone_placement() {
    use unicode_normalization::UnicodeNormalization;
    let nfd: String = "Theo yêu cầu của Bộ Văn hóa, Thể thao và Du lịch hàng năm"
        .nfd()
        .collect();
    let got = parse_deadline(&nfd, &dong_nai()).unwrap();
    assert_eq!(
        got,
        on_request("Bộ Văn hóa, Thể thao và Du lịch", Some(rec(Period::Year)))
    );
    let m = find_deadline(&nfd, &dong_nai()).unwrap();
    assert!(nfd.is_char_boundary(m.start) && nfd.is_char_boundary(m.end));
}

/// One concrete instance of every row of
/// reference/deadline-phrases-vn.tsv (plan dated 05/02/2026).
#[test]
fn every_reference_phrase_row() {
    let c = dong_nai();
    let year = |p: Period, due: Option<DueDay>| {
        Deadline::Recurring(Recurrence {
            period: p,
            due,
            from_year: None,
        })
    };
    let rows: Vec<(&str, Option<Deadline>)> = vec![
        (
            "trước ngày 05/11 hàng năm",
            Some(Deadline::annual(DueDay::before(11, 5))),
        ),
        (
            "định kỳ trước ngày 05/11 hằng năm",
            Some(Deadline::annual(DueDay::before(11, 5))),
        ),
        (
            "hàng năm (trước 01/11)",
            Some(Deadline::annual(DueDay::before(11, 1))),
        ),
        (
            "chậm nhất là ngày 25/11 hằng năm",
            Some(Deadline::annual(DueDay::at_latest(11, 25))),
        ),
        (
            "chậm nhất ngày 25 tháng 11",
            Some(Deadline::Once {
                date: d(2026, 11, 25),
                bound: DayBound::AtLatest,
            }),
        ),
        (
            "trước ngày 13 tháng 02 năm 2026",
            Some(Deadline::once_before(d(2026, 2, 13))),
        ),
        (
            "không muộn hơn ngày 31/3/2026",
            Some(Deadline::Once {
                date: d(2026, 3, 31),
                bound: DayBound::AtLatest,
            }),
        ),
        ("định kỳ hàng năm", Some(Deadline::every(Period::Year))),
        (
            "định kỳ 6 tháng, hằng năm",
            Some(all(vec![
                Deadline::every(Period::HalfYear),
                Deadline::every(Period::Year),
            ])),
        ),
        (
            "báo cáo 6 tháng, năm",
            Some(all(vec![
                Deadline::every(Period::HalfYear),
                Deadline::every(Period::Year),
            ])),
        ),
        // A reporting period, not a due date.
        ("06 tháng đầu năm", None),
        ("báo cáo quý", Some(Deadline::every(Period::Quarter))),
        ("hàng quý", Some(Deadline::every(Period::Quarter))),
        (
            "trước ngày 20 của tháng cuối quý",
            Some(year(Period::Quarter, Some(DueDay::before(3, 20)))),
        ),
        (
            "Định kỳ từ ngày 1 đến ngày 5 hằng tháng",
            Some(year(Period::Month, Some(DueDay::at_latest(1, 5)))),
        ),
        ("hằng tháng", Some(Deadline::every(Period::Month))),
        ("báo cáo đột xuất", Some(Deadline::event(Trigger::AdHoc))),
        ("trong năm 2030", Some(Deadline::WithinYear { year: 2030 })),
        (
            "Quý II năm 2026",
            Some(Deadline::WithinQuarter {
                year: 2026,
                quarter: 2,
            }),
        ),
        (
            "trong tháng 9 năm 2026",
            Some(Deadline::WithinMonth {
                year: 2026,
                month: 9,
            }),
        ),
        (
            "từ năm 2024 đến năm 2026",
            Some(Deadline::During {
                from: 2024,
                to: 2026,
            }),
        ),
        (
            "giai đoạn 2021-2030, định hướng đến năm 2045",
            Some(all(vec![
                Deadline::During {
                    from: 2021,
                    to: 2030,
                },
                Deadline::Horizon { to: 2045 },
            ])),
        ),
        (
            "giai đoạn đến năm 2050",
            Some(Deadline::Horizon { to: 2050 }),
        ),
        ("đến hết năm 2030", Some(Deadline::Horizon { to: 2030 })),
        (
            "từ năm 2027 trở đi",
            Some(Deadline::Recurring(Recurrence {
                period: Period::Year,
                due: None,
                from_year: Some(2027),
            })),
        ),
        ("thường xuyên, kịp thời", Some(Deadline::Continuous)),
        ("thường xuyên, liên tục", Some(Deadline::Continuous)),
        ("theo hướng dẫn của Bộ Nội vụ", Some(guidance("Bộ Nội vụ"))),
        (
            "theo yêu cầu",
            Some(Deadline::event(Trigger::OnRequest { by: None })),
        ),
        (
            "hàng năm theo thẩm quyền",
            Some(Deadline::every(Period::Year)),
        ),
        ("theo quy định hiện hành", None),
        (
            "kịp thời",
            Some(Deadline::event(Trigger::Asap { after: None })),
        ),
        (
            "ngay sau khi nhận được văn bản",
            Some(Deadline::event(Trigger::Asap {
                after: Some("nhận được văn bản".into()),
            })),
        ),
        (
            "sơ kết giữa kỳ vào năm 2028",
            Some(Deadline::Milestone {
                milestone: MilestoneKind::MidtermReview,
                year: Some(2028),
            }),
        ),
        (
            "sơ kết 03 năm",
            Some(Deadline::Milestone {
                milestone: MilestoneKind::MidtermReview,
                year: Some(2029),
            }),
        ),
        (
            "tổng kết, đánh giá việc thực hiện",
            Some(Deadline::Milestone {
                milestone: MilestoneKind::FinalReview,
                year: None,
            }),
        ),
        ("sơ kết hàng năm", Some(Deadline::every(Period::Year))),
        (
            "trong thời hạn tối đa 05 ngày làm việc",
            Some(Deadline::Relative {
                n: 5,
                unit: DelayUnit::WorkingDay,
                from: String::new(),
            }),
        ),
        (
            "chậm nhất là 20 ngày kể từ ngày nhận được yêu cầu hợp lệ",
            Some(Deadline::Relative {
                n: 20,
                unit: DelayUnit::Day,
                from: "nhận được yêu cầu hợp lệ".into(),
            }),
        ),
        (
            "trong thời hạn 03 tháng kể từ ngày ký",
            Some(Deadline::Relative {
                n: 3,
                unit: DelayUnit::Month,
                from: "ký".into(),
            }),
        ),
        // An effective date, not a deadline.
        (
            "Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành",
            None,
        ),
        (
            "cuối năm",
            Some(Deadline::Once {
                date: d(2026, 12, 31),
                bound: DayBound::AtLatest,
            }),
        ),
        (
            "giữa năm 2027",
            Some(Deadline::Once {
                date: d(2027, 6, 30),
                bound: DayBound::AtLatest,
            }),
        ),
        (
            "đầu tháng hằng tháng",
            Some(year(Period::Month, Some(DueDay::at_latest(1, 1)))),
        ),
        ("Thời hạn hoàn thành", None),
    ];
    for (text, want) in rows {
        assert_eq!(parse_deadline(text, &c), want, "{text}");
    }
}

/// Every "Thời hạn" cell of the Đồng Nai and Ngô Quyền tables (continuation
/// rows joined) and every "Thời gian" line of the Huế plans parses.
#[test]
fn every_seed_deadline_cell_parses() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (file, date) in [
        ("dong-nai-74-2026.txt", d(2026, 2, 5)),
        ("ngo-quyen-102-2023.txt", d(2023, 4, 14)),
    ] {
        for row in table_rows(&seed(file)) {
            let cell = row.get(5).cloned().unwrap_or_default();
            if strip(&cell).is_empty() {
                continue;
            }
            count += 1;
            if parse_deadline(&cell, &DeadlineContext::on(date)).is_none() {
                failures.push(cell);
            }
        }
    }
    for file in ["hue-qd2715-2026.txt", "hue-sokhcn-de-an-65-2026.txt"] {
        for (label, value) in labelled(&seed(file)) {
            if label.starts_with("Thời gian") {
                count += 1;
                if parse_deadline(&value, &dong_nai()).is_none() {
                    failures.push(value);
                }
            }
        }
    }
    assert!(count > 60, "{count}");
    assert!(failures.is_empty(), "{failures:#?}");
}

// ---------------------------------------------------------------------------
// Agencies

fn strip(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.trim().to_string()
}

/// The appendix rows of a tab-separated table, continuation rows (empty
/// STT) joined onto the row before, header rows dropped.
fn table_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    for line in text.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 6 || cols.first().is_some_and(|c| c.trim() == "STT") {
            continue;
        }
        let cells: Vec<String> = cols.iter().map(|c| c.to_string()).collect();
        match rows.last_mut() {
            Some(prev)
                if cells.first().is_some_and(|c| c.trim().is_empty())
                    && continues(prev, &cells) =>
            {
                for (p, c) in prev.iter_mut().zip(cells) {
                    if !strip(&c).is_empty() {
                        join_cell(p, &c);
                    }
                }
            }
            _ => rows.push(cells),
        }
    }
    rows
}

/// Appends a continuation to a cell, inside its last HTML list item or
/// paragraph when it has one.
fn join_cell(prev: &mut String, cont: &str) {
    let cont = strip(cont);
    let trimmed = prev.trim_end();
    let mut end = trimmed.len();
    loop {
        let t = &trimmed[..end];
        let t2 = t.trim_end();
        match ["</ul>", "</li>", "</p>"].iter().find(|c| t2.ends_with(*c)) {
            Some(c) => end = t2.len() - c.len(),
            None => break,
        }
    }
    let (head, tail) = trimmed.split_at(end);
    *prev = format!("{} {cont}{tail}", head.trim_end());
}

/// Whether a row with an empty STT continues the row before (a page break
/// inside a cell) rather than being a sub-task of its own: some cell of
/// the row before is cut ("Sở Khoa học và", an open parenthesis) or some
/// cell of this row starts in lowercase.
fn continues(prev: &[String], cells: &[String]) -> bool {
    let cut = prev.iter().any(|p| {
        let p = strip(p);
        p.ends_with(" và") || p.ends_with(',') || p.matches('(').count() > p.matches(')').count()
    });
    let lower = cells.iter().skip(1).any(|c| {
        let c = strip(c);
        let c = c.trim_start_matches(['-', ' ', '(']);
        c.chars().next().is_some_and(char::is_lowercase)
    });
    cut || lower
}

/// "Label: value" lines of the Huế plans, with the value's wrapped lines joined.
fn labelled(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut open = false;
    for line in text.lines() {
        let l = line.trim().trim_start_matches("- ").trim();
        if l.is_empty() {
            continue;
        }
        let label = [
            "Đơn vị chủ trì:",
            "Đơn vị phối hợp:",
            "Thời gian thực hiện:",
            "Thời gian:",
        ]
        .into_iter()
        .find(|p| l.starts_with(p));
        if let Some(p) = label {
            out.push((
                p.trim_end_matches(':').to_string(),
                l[p.len()..].trim().to_string(),
            ));
            open = !l.ends_with('.') && !l.ends_with(';');
        } else if open {
            let starts_new =
                l.chars().next().is_some_and(|c| c.is_ascii_digit()) || l.starts_with("III");
            if starts_new {
                open = false;
            } else if let Some(last) = out.last_mut() {
                last.1.push(' ');
                last.1.push_str(l);
                open = !l.ends_with('.') && !l.ends_with(';');
            }
        }
    }
    out
}

/// Names that stay unresolved in the seed cells as this test extracts them:
/// tails of names cut at a page break that landed in the next numbered
/// row's cells (Đồng Nai II.5 → III "Sở Khoa học và" / "Công nghệ"; Ngô
/// Quyền 3.3 → 3.4, 3.4 → 3.5 "có liên" / "quan", "theo thẩm" / "quyền",
/// "VKSND" / "quận"). Joining them is the importer's work (GLOSSARY,
/// corpus quirks); the lexicon resolves the joined names.
const ALLOWED_UNRESOLVED: &[&str] = &[
    "unresolved:sở khoa học và",
    "unresolved:công nghệ",
    "unresolved:quyền",
    "unresolved:ngành có liên",
    "unresolved:quan",
    "unresolved:quận",
];

#[test]
fn seed_agency_cells_resolve() {
    let ctx = AgencyContext {
        date: Some(d(2026, 2, 5)),
        issuer_level: Some(Level::Province),
        city_issuer: false,
    };
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    let mut cells: Vec<(String, Role, AgencyContext)> = Vec::new();
    for row in table_rows(&seed("dong-nai-74-2026.txt")) {
        cells.push((row[2].clone(), Role::Lead, ctx));
        cells.push((row[3].clone(), Role::Support, ctx));
    }
    let nq = AgencyContext {
        date: Some(d(2023, 4, 14)),
        issuer_level: Some(Level::District),
        city_issuer: false,
    };
    for row in table_rows(&seed("ngo-quyen-102-2023.txt")) {
        cells.push((row[2].clone(), Role::Lead, nq));
        cells.push((row[3].clone(), Role::Support, nq));
    }
    for file in ["hue-qd2715-2026.txt", "hue-sokhcn-de-an-65-2026.txt"] {
        for (label, value) in labelled(&seed(file)) {
            match label.as_str() {
                "Đơn vị chủ trì" => cells.push((value, Role::Lead, ctx)),
                "Đơn vị phối hợp" => cells.push((value, Role::Support, ctx)),
                _ => {}
            }
        }
    }
    for (cell, role, c) in &cells {
        for a in parse_agency_list(cell, *role, c) {
            if a.agency.id.starts_with("unresolved:") {
                println!("UNRESOLVED {:?} in cell {cell:?}", a.as_written);
            }
            names.insert(a.as_written.clone(), a.agency.id.clone());
        }
    }
    let unresolved: Vec<(&String, &String)> = names
        .iter()
        .filter(|(_, id)| {
            id.starts_with("unresolved:") && !ALLOWED_UNRESOLVED.contains(&id.as_str())
        })
        .collect();
    let resolved = names
        .values()
        .filter(|id| !id.starts_with("unresolved:"))
        .count();
    println!("resolved {resolved} of {}", names.len());
    // The joined forms of the cut names resolve.
    for joined in [
        "Bộ Chỉ huy Quân sự tỉnh, Sở Khoa học và Công nghệ, các Sở, ngành có liên quan",
        "- Đề nghị VKSND quận, TAND quận phối hợp theo thẩm quyền",
        "Văn phòng HĐND và UBND quận và các phòng, ban, ngành có liên quan",
    ] {
        for a in parse_agency_list(joined, Role::Support, &nq) {
            assert!(!a.agency.id.starts_with("unresolved:"), "{joined}: {a:?}");
        }
    }
    println!("distinct agency names in the seed cells: {}", names.len());
    for (n, id) in &names {
        println!("  {n:55} {id}");
    }
    assert!(names.len() > 50, "{}", names.len());
    assert!(unresolved.is_empty(), "unresolved: {unresolved:#?}");
}

#[test]
fn binh_thuan_inline_parentheses() {
    let text = seed("binh-thuan-qd87-2023.txt").replace('\n', " ");
    let actx = AgencyContext {
        date: Some(d(2023, 5, 1)),
        issuer_level: Some(Level::Province),
        city_issuer: false,
    };
    let dctx = DeadlineContext::on(d(2023, 5, 1));
    let mut found = 0;
    let mut names = std::collections::BTreeSet::new();
    let mut rest = text.as_str();
    while let Some(a) = rest.find('(') {
        let Some(b) = rest[a..].find(')') else { break };
        let paren = &rest[a..a + b + 1];
        if let Some(r) = parse_inline_roles(paren, &actx, &dctx) {
            found += 1;
            for asg in &r.assignments {
                names.insert(asg.as_written.clone());
                assert!(
                    !asg.agency.id.starts_with("unresolved:"),
                    "{paren}: {:?}",
                    asg.agency
                );
            }
        }
        rest = &rest[a + b + 1..];
    }
    assert!(found >= 18, "{found}");
    println!(
        "binh-thuan: {found} inline parentheses, {} distinct agency names, all resolved",
        names.len()
    );

    let r = parse_inline_roles(
        "(Sở Tư pháp chủ trì thực hiện từ năm 2024 đến 2026 theo yêu cầu của Bộ Tư pháp; Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh, Bộ Chỉ huy Bộ đội Biên phòng tỉnh, Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh và các sở, ban, ngành có liên quan phối hợp thực hiện)",
        &actx,
        &dctx,
    )
    .unwrap();
    let ids: Vec<(&str, Role)> = r
        .assignments
        .iter()
        .map(|a| (a.agency.id.as_str(), a.role))
        .collect();
    assert_eq!(
        ids,
        [
            ("province:justice", Role::Lead),
            ("province:police", Role::Support),
            ("province:military", Role::Support),
            ("province:border_guard", Role::Support),
            ("province:procuracy", Role::Support),
            ("province:court", Role::Support),
            ("collective:departments", Role::Support),
        ]
    );
    assert_eq!(
        r.deadline,
        Some(all(vec![
            Deadline::During {
                from: 2024,
                to: 2026
            },
            on_request("Bộ Tư pháp", None)
        ]))
    );
    assert_eq!(
        r.deadline_text.as_deref(),
        Some("từ năm 2024 đến 2026 theo yêu cầu của Bộ Tư pháp")
    );

    let r = parse_inline_roles(
        "(Sở Tư pháp, Sở Lao động - Thương binh và Xã hội chủ trì thực hiện hàng năm theo yêu cầu của Bộ Tư pháp và Bộ Lao động - Thương binh và Xã hội; các sở, ban, ngành, Ủy ban nhân dân cấp huyện, Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh phối hợp thực hiện)",
        &actx,
        &dctx,
    )
    .unwrap();
    assert_eq!(
        r.assignments[1].agency.id,
        "province:labour_invalids_social"
    );
    assert_eq!(r.assignments[3].agency.id, "collective:district_committees");
    assert_eq!(
        r.deadline,
        Some(on_request(
            "Bộ Tư pháp và Bộ Lao động - Thương binh và Xã hội",
            Some(rec(Period::Year))
        ))
    );
    assert_eq!(
        parse_inline_roles("(đối với tổ chức của cơ quan điều tra)", &actx, &dctx),
        None
    );
    assert_eq!(parse_inline_roles("(khi có yêu cầu)", &actx, &dctx), None);
}

#[test]
fn requested_scope_and_role_from_verb() {
    let ctx = AgencyContext::default();
    // dong-nai-74-2026 row 1.3 (lead cell)
    let a = parse_agency_list(
        "- Công an tỉnh (đối với tổ chức của cơ quan điều tra); - Đề nghị Tòa án nhân dân tỉnh và Viện Kiểm sát nhân dân tỉnh chủ trì thực hiện (đối với tổ chức của Tòa án và Viện Kiểm sát)",
        Role::Lead,
        &ctx,
    );
    assert_eq!(a.len(), 3);
    assert_eq!(a[0].agency.id, "province:police");
    assert!(!a[0].requested);
    assert_eq!(
        a[0].scope.as_deref(),
        Some("đối với tổ chức của cơ quan điều tra")
    );
    assert!(a[1].requested && a[2].requested);
    assert_eq!(a[1].role, Role::Lead);
    assert_eq!(
        a[2].scope.as_deref(),
        Some("đối với tổ chức của Tòa án và Viện Kiểm sát")
    );
    // row 1.11: "Đề nghị … phối hợp" inside a lead cell is support.
    let a = parse_agency_list(
        "<ul><li>- Sở Nội vụ (các vấn đề chung như Luật về Hội, Nghị định về tổ chức, hoạt động và quản lý hội; vấn đề tổ chức đại diện của người lao động);</li><li>- Sở Tài chính (đối với vấn đề về nguồn tài trợ nước ngoài cho các hội);</li><li>- Đề nghị Liên đoàn Lao động tỉnh phối hợp (đối với vấn đề về công đoàn trong Luật Công đoàn).</li></ul>",
        Role::Lead,
        &ctx,
    );
    let got: Vec<(&str, Role, bool)> = a
        .iter()
        .map(|x| (x.agency.id.as_str(), x.role, x.requested))
        .collect();
    assert_eq!(
        got,
        [
            ("province:home_affairs", Role::Lead, false),
            ("province:finance", Role::Lead, false),
            ("province:labour_federation", Role::Support, true),
        ]
    );
    // row 3.1: distributive list.
    let a = parse_agency_list(
        "- Các Sở: Tư pháp, Ngoại vụ, Xây dựng; Bộ Chỉ huy Quân sự tỉnh và các Sở, ngành liên quan - Ủy ban nhân dân các xã, phường và các cơ quan, tổ chức có liên quan",
        Role::Support,
        &ctx,
    );
    let ids: Vec<&str> = a.iter().map(|x| x.agency.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "province:justice",
            "province:foreign_affairs",
            "province:construction",
            "province:military",
            "collective:departments",
            "collective:commune_committees",
            "collective:related",
        ]
    );
    // Trailing role words are not agencies.
    let a = parse_agency_list(
        "Đề nghị Tòa án nhân dân tỉnh, Viện kiểm sát nhân dân tỉnh chủ trì thực hiện theo chức năng, nhiệm vụ",
        Role::Lead,
        &ctx,
    );
    assert_eq!(a.len(), 2);
}

#[test]
fn district_names_of_ngo_quyen() {
    let ctx = AgencyContext {
        date: Some(d(2023, 4, 14)),
        issuer_level: Some(Level::District),
        city_issuer: false,
    };
    for (name, id) in [
        ("Phòng Tư pháp", "district:justice"),
        ("Công an quận", "district:police"),
        ("Ủy ban nhân dân quận", "district:peoples_committee"),
        ("Ban Chỉ huy Quân sự quận", "district:military"),
        ("Ban Chỉ huy Quận sự quận", "district:military"),
        ("Văn phòng HĐND và UBND quận", "district:government_office"),
        (
            "Phòng Văn hóa và Thông tin",
            "district:culture_sports_tourism",
        ),
        ("Phòng Tài chính - Kế hoạch", "district:finance"),
        ("Đề nghị VKSND quận", "district:procuracy"),
        ("TAND quận", "district:court"),
        ("UBMTTQVN quận", "district:fatherland_front"),
        ("UBND các phường", "collective:commune_committees"),
        (
            "Ủy ban nhân dân thành phố Hải Phòng",
            "province:peoples_committee",
        ),
        ("Công an thành phố (Đ6, PV01)", "province:police"),
    ] {
        assert_eq!(resolve_agency(name, &ctx).id, id, "{name}");
    }
}

#[test]
fn distribution_lists() {
    // "Nơi nhận" items of the seeds.
    for (item, ctx, ids) in [
        (
            "Chủ tịch, các Phó CT. UBND tỉnh",
            Level::Province,
            vec!["province:peoples_committee"],
        ),
        (
            "CT, các PCT UBND thành phố",
            Level::Province,
            vec!["province:peoples_committee"],
        ),
        (
            "CVP và các PCVP UBND TP",
            Level::Province,
            vec!["province:government_office"],
        ),
        (
            "Chánh, các PCVP UBND tỉnh",
            Level::Province,
            vec!["province:government_office"],
        ),
        // The Front and the đoàn thể are no departments: the mass
        // organisations beside them.
        (
            "Các sở, ban, ngành, Mặt trận, đoàn thể tỉnh",
            Level::Province,
            vec!["collective:departments", "collective:mass_organisations"],
        ),
        (
            "UBND các huyện, thị xã, thành phố",
            Level::Province,
            vec!["collective:district_committees"],
        ),
        (
            "TTQU, TTHDND quận",
            Level::District,
            vec!["district:party_committee", "district:peoples_council"],
        ),
        (
            "UBMTTQ Việt Nam thành phố",
            Level::Province,
            vec!["province:fatherland_front"],
        ),
        (
            "Thường trực Tỉnh ủy",
            Level::Province,
            vec!["province:party_committee"],
        ),
        (
            "Hội Luật gia tỉnh",
            Level::Province,
            vec!["province:lawyers_association"],
        ),
    ] {
        let c = AgencyContext {
            date: Some(d(2026, 2, 5)),
            issuer_level: Some(ctx),
            city_issuer: false,
        };
        let got: Vec<String> = parse_agency_list(item, Role::Support, &c)
            .into_iter()
            .map(|a| a.agency.id)
            .collect();
        assert_eq!(got, ids, "{item}");
    }
}

/// Every name and alias of the reference table of agencies resolves, but a
/// few that name no single body.
#[test]
fn reference_table_names_resolve() {
    let reference = include_str!("../data/agencies-vn.tsv");
    let ctx = AgencyContext {
        date: None,
        issuer_level: Some(Level::Province),
        city_issuer: false,
    };
    // Generic or placeholder names: a union of any level, a province's
    // newspaper by name, the 2025 commune tax teams, island police posts,
    // acronyms too short to be safe.
    let allowed = [
        "Công đoàn",
        "Báo X",
        "Thuế cơ sở",
        "Đồn Công an (island districts)",
        "Hội ND",
        "Hội LG",
        "BTGDV",
    ];
    let mut unresolved = Vec::new();
    let mut n = 0;
    for line in reference.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        for col in [0usize, 4] {
            for name in cols.get(col).copied().unwrap_or("").split("; ") {
                let name = name.trim();
                if name.is_empty()
                    || name == "none"
                    || name.starts_with('(')
                    || allowed.contains(&name)
                {
                    continue;
                }
                n += 1;
                if resolve_agency(name, &ctx).id.starts_with("unresolved:") {
                    unresolved.push(name.to_string());
                }
            }
        }
    }
    assert!(n > 300, "{n}");
    assert!(unresolved.is_empty(), "{unresolved:#?}");
}

#[test]
fn names_without_level_take_the_issuers() {
    let district = AgencyContext {
        date: Some(d(2023, 4, 14)),
        issuer_level: Some(Level::District),
        city_issuer: false,
    };
    let province = AgencyContext {
        date: Some(d(2026, 2, 5)),
        issuer_level: Some(Level::Province),
        city_issuer: false,
    };
    assert_eq!(resolve_agency("TAND", &district).id, "district:court");
    assert_eq!(resolve_agency("TAND", &province).id, "province:court");
    assert_eq!(
        resolve_agency("Hội Cựu chiến binh", &province).id,
        "province:veterans"
    );
    assert_eq!(
        resolve_agency("UBND", &district).id,
        "district:peoples_committee"
    );
}

#[test]
fn city_is_a_province_for_centrally_run_cities() {
    let hue = AgencyContext {
        date: Some(d(2026, 1, 10)),
        issuer_level: Some(Level::Province),
        city_issuer: false,
    };
    assert_eq!(
        resolve_agency("Ủy ban nhân dân thành phố", &hue).id,
        "province:peoples_committee"
    );
    assert_eq!(
        resolve_agency("Thi hành án dân sự thành phố", &hue).id,
        "province:civil_judgment_enforcement"
    );
    assert_eq!(
        resolve_agency("Đoàn Luật sư thành phố", &hue).id,
        "province:bar"
    );
    // A commune of a provincial city before the reform: the city was a district.
    let commune = AgencyContext {
        date: Some(d(2024, 3, 1)),
        issuer_level: Some(Level::Commune),
        city_issuer: false,
    };
    assert_eq!(
        resolve_agency("Ủy ban nhân dân thành phố", &commune).id,
        "district:peoples_committee"
    );
    assert_eq!(
        resolve_agency("Ủy ban nhân dân thành phố Đà Nẵng", &commune).id,
        "province:peoples_committee"
    );
}

#[test]
fn counterparts_across_four_levels() {
    let ctx = AgencyContext::default();
    let police = resolve_agency("Công an tỉnh", &ctx);
    let ids: Vec<Option<String>> = [
        Level::National,
        Level::Province,
        Level::District,
        Level::Commune,
    ]
    .into_iter()
    .map(|l| counterpart(&police, l).map(|a| a.id))
    .collect();
    assert_eq!(
        ids,
        [
            Some("national:police".to_string()),
            Some("province:police".to_string()),
            Some("district:police".to_string()),
            Some("commune:police".to_string())
        ]
    );
    let stp = resolve_agency("Sở Tư pháp", &ctx);
    assert_eq!(
        counterpart(&stp, Level::National).unwrap().name,
        "Bộ Tư pháp"
    );
    assert_eq!(
        counterpart(&stp, Level::District).unwrap().name,
        "Phòng Tư pháp"
    );
    // Since 2025-07-01 the commune's Văn phòng HĐND và UBND does the
    // justice work (agencies-vn.tsv); the court has no commune body.
    assert_eq!(
        counterpart(&stp, Level::Commune).unwrap().id,
        "commune:government_office"
    );
    let court = resolve_agency("Tòa án nhân dân tỉnh", &ctx);
    assert_eq!(counterpart(&court, Level::Commune), None);
    let home = resolve_agency("Sở Nội vụ", &ctx);
    assert_eq!(
        counterpart(&home, Level::Commune).unwrap().id,
        "commune:culture_society"
    );
    let communes = resolve_agency("UBND các xã, phường", &ctx);
    assert_eq!(
        counterpart(&communes, Level::Province).unwrap().id,
        "collective:province_committees"
    );
    assert_eq!(
        counterpart(&communes, Level::National).unwrap().id,
        "national:government"
    );
    let committee = resolve_agency("Ủy ban nhân dân quận", &ctx);
    assert_eq!(
        counterpart(&committee, Level::Commune).unwrap().id,
        "commune:peoples_committee"
    );
    let military = resolve_agency("Ban Chỉ huy Quân sự quận", &ctx);
    assert_eq!(
        counterpart(&military, Level::National).unwrap().name,
        "Bộ Quốc phòng"
    );
}

#[test]
fn reorganisation_status() {
    let ctx = AgencyContext::default();
    let dissolved = |name: &str, date: NaiveDate| match status_on(&resolve_agency(name, &ctx), date)
    {
        AgencyStatus::Dissolved { on, successor, .. } => Some((on, successor)),
        _ => None,
    };
    // A 2026 plan naming 2025-dissolved departments.
    assert_eq!(
        dissolved("Sở Lao động - Thương binh và Xã hội", d(2026, 2, 5)),
        Some((d(2025, 3, 3), Some("province:home_affairs".into())))
    );
    assert_eq!(
        dissolved("Sở Thông tin và Truyền thông", d(2026, 2, 5)).map(|x| x.1),
        Some(Some("province:science_technology".into()))
    );
    // The 2023 Bình Thuận plan legitimately names them.
    assert_eq!(
        status_on(
            &resolve_agency("Sở Thông tin và Truyền thông", &ctx),
            d(2023, 5, 1)
        ),
        AgencyStatus::Current
    );
    // Inside the approximate window: no false alarm.
    assert_eq!(
        status_on(
            &resolve_agency("Sở Lao động - Thương binh và Xã hội", &ctx),
            d(2025, 3, 2)
        ),
        AgencyStatus::Current
    );
    // District bodies.
    assert_eq!(
        dissolved("Công an quận", d(2025, 3, 1)).map(|x| x.0),
        Some(d(2025, 3, 1))
    );
    assert_eq!(
        status_on(&resolve_agency("Công an quận", &ctx), d(2025, 2, 28)),
        AgencyStatus::Current
    );
    assert_eq!(
        dissolved("Ủy ban nhân dân quận", d(2025, 7, 1)).map(|x| x.0),
        Some(d(2025, 7, 1))
    );
    assert_eq!(
        dissolved("Phòng Tư pháp", d(2026, 1, 1)).map(|x| x.0),
        Some(d(2025, 7, 1))
    );
    // Border guard command after the handover.
    assert_eq!(
        dissolved("Bộ Chỉ huy Bộ đội Biên phòng tỉnh", d(2025, 6, 28)).map(|x| x.1),
        Some(Some("province:border_guard_board".into()))
    );
    assert_eq!(
        status_on(
            &resolve_agency("Bộ Chỉ huy Bộ đội Biên phòng tỉnh", &ctx),
            d(2023, 5, 1)
        ),
        AgencyStatus::Current
    );
    // New bodies before they existed.
    assert_eq!(
        status_on(
            &resolve_agency("Sở Nông nghiệp và Môi trường", &ctx),
            d(2024, 1, 1)
        ),
        AgencyStatus::NotYetCreated { on: d(2025, 2, 20) }
    );
    assert_eq!(
        status_on(&resolve_agency("Sở Tư pháp", &ctx), d(2026, 2, 5)),
        AgencyStatus::Current
    );
    assert_eq!(
        status_on(&resolve_agency("Ban Quản lý dự án X", &ctx), d(2026, 2, 5)),
        AgencyStatus::Unknown
    );
    // "UBND các huyện" in a 2026 plan.
    assert!(dissolved("Ủy ban nhân dân cấp huyện", d(2026, 2, 5)).is_some());
}

// ---------------------------------------------------------------------------
// Round trip: core's Vietnamese rendering parses back to the same deadline.

mod round_trip {
    use super::*;
    use proptest::prelude::*;

    fn who() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "Bộ Công an",
            "Bộ Tư pháp",
            "Bộ, ngành trung ương",
            "Bộ Văn hóa, Thể thao và Du lịch",
            "Tòa án nhân dân tối cao",
            "Ủy ban nhân dân tỉnh",
            "Bộ Tư pháp và Bộ Lao động - Thương binh và Xã hội",
        ])
        .prop_map(str::to_string)
    }

    fn event_text() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "nhận được yêu cầu",
            "ký ban hành",
            "nhận được văn bản của Bộ Tư pháp",
            "có quyết định của Ủy ban nhân dân tỉnh",
        ])
        .prop_map(str::to_string)
    }

    fn recurrence() -> impl Strategy<Value = Recurrence> {
        let bound = prop_oneof![Just(DayBound::Before), Just(DayBound::AtLatest)];
        (
            prop_oneof![
                Just(Period::Year),
                Just(Period::HalfYear),
                Just(Period::Quarter),
                Just(Period::Month)
            ],
            prop::option::of((1u8..=12, 1u8..=31, bound)),
            prop::option::of(2000i32..2100),
        )
            .prop_map(|(period, due, from_year)| {
                let due = due.map(|(m, day, bound)| {
                    let month = match period {
                        Period::Year => m,
                        Period::HalfYear => (m - 1) % 6 + 1,
                        Period::Quarter => (m - 1) % 3 + 1,
                        Period::Month => 1,
                    };
                    DueDay { month, day, bound }
                });
                Recurrence {
                    period,
                    due,
                    from_year,
                }
            })
    }

    fn trigger() -> impl Strategy<Value = Trigger> {
        prop_oneof![
            prop::option::of(who()).prop_map(|by| Trigger::OnRequest { by }),
            prop::option::of(who()).prop_map(|by| Trigger::PerGuidance { by }),
            Just(Trigger::AdHoc),
            prop::option::of(event_text()).prop_map(|after| Trigger::Asap { after }),
        ]
    }

    fn simple() -> impl Strategy<Value = Deadline> {
        let year = 2000i32..2100;
        prop_oneof![
            (
                year.clone(),
                1u32..=12,
                1u32..=28,
                prop_oneof![Just(DayBound::Before), Just(DayBound::AtLatest)]
            )
                .prop_map(|(y, m, day, bound)| Deadline::Once {
                    date: d(y, m, day),
                    bound
                }),
            year.clone().prop_map(|year| Deadline::WithinYear { year }),
            (year.clone(), 1u8..=4)
                .prop_map(|(year, quarter)| Deadline::WithinQuarter { year, quarter }),
            (year.clone(), 1u8..=12)
                .prop_map(|(year, month)| Deadline::WithinMonth { year, month }),
            (year.clone(), 0i32..10).prop_map(|(from, n)| Deadline::During { from, to: from + n }),
            year.clone().prop_map(|to| Deadline::Horizon { to }),
            recurrence().prop_map(Deadline::Recurring),
            (trigger(), prop::option::of(recurrence())).prop_map(|(trigger, recurrence)| {
                Deadline::Event {
                    trigger,
                    recurrence,
                }
            }),
            (
                prop_oneof![
                    Just(MilestoneKind::MidtermReview),
                    Just(MilestoneKind::FinalReview),
                    Just(MilestoneKind::MidtermReport),
                    Just(MilestoneKind::NationalReport)
                ],
                prop::option::of(year)
            )
                .prop_map(|(milestone, year)| Deadline::Milestone { milestone, year }),
            (
                1u32..400,
                prop_oneof![
                    Just(DelayUnit::WorkingDay),
                    Just(DelayUnit::Day),
                    Just(DelayUnit::Month)
                ],
                event_text()
            )
                .prop_map(|(n, unit, from)| Deadline::Relative { n, unit, from }),
            Just(Deadline::Continuous),
        ]
    }

    fn deadline() -> impl Strategy<Value = Deadline> {
        prop_oneof![
            3 => simple(),
            1 => (simple(), simple()).prop_map(|(a, b)| Deadline::All { parts: vec![a, b] }),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]
        #[test]
        fn render_then_parse(dl in deadline()) {
            let text = dl.to_vietnamese();
            prop_assert_eq!(parse_deadline(&text, &DeadlineContext::default()), Some(dl), "text: {}", text);
        }
    }
}

// ---------------------------------------------------------------------------
// Robustness: any text, no panic; whole seeds, every line.

mod robustness {
    use super::*;
    use proptest::prelude::*;

    fn noisy() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("trước ngày ".to_string()),
            Just("hằng năm".to_string()),
            Just("theo yêu cầu của ".to_string()),
            Just("(".to_string()),
            Just(")".to_string()),
            Just(" và ".to_string()),
            Just(", ".to_string()),
            Just("; - ".to_string()),
            Just("<li>".to_string()),
            Just("**".to_string()),
            Just("Đề nghị ".to_string()),
            Just("các sở, ban, ngành".to_string()),
            Just("Ủy ban nhân dân thành phố".to_string()),
            Just("\u{301}".to_string()),
            "[0-9/]{1,6}".prop_map(|s| s),
            "\\PC{0,8}".prop_map(|s| s),
        ];
        prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn never_panics(s in noisy()) {
            let ctx = DeadlineContext::on(d(2026, 2, 5));
            let _ = parse_deadline(&s, &ctx);
            if let Some(m) = find_deadline(&s, &ctx) {
                prop_assert!(m.start <= m.end && s.is_char_boundary(m.start) && s.is_char_boundary(m.end));
            }
            let actx = AgencyContext::default();
            let _ = parse_agency_list(&s, Role::Lead, &actx);
            let _ = parse_inline_roles(&s, &actx, &ctx);
            let a = resolve_agency(&s, &actx);
            let _ = status_on(&a, d(2026, 2, 5));
            let _ = counterpart(&a, Level::National);
        }
    }

    #[test]
    fn every_seed_line() {
        let ctx = DeadlineContext::on(d(2026, 2, 5));
        let actx = AgencyContext::default();
        let started = std::time::Instant::now();
        let mut found = 0;
        for f in [
            "binh-thuan-qd87-2023.txt",
            "dong-nai-74-2026.txt",
            "hue-qd2715-2026.txt",
            "hue-sokhcn-de-an-65-2026.txt",
            "ngo-quyen-102-2023.txt",
        ] {
            let text = seed(f);
            for line in text.lines() {
                if let Some(m) = find_deadline(line, &ctx) {
                    assert!(line.is_char_boundary(m.start) && line.is_char_boundary(m.end));
                    found += 1;
                }
                let _ = parse_deadline(line, &ctx);
                let _ = parse_agency_list(line, Role::Lead, &actx);
            }
        }
        assert!(found > 20, "{found}");
        println!(
            "seed lines scanned in {:?}, {found} with deadlines",
            started.elapsed()
        );
    }
}
