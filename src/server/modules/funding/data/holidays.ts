/**
 * Thai public holidays of B.E. 2569–2570 (2026–2027), the holiday calendar's shipped rows: a due
 * date that falls on one of them (or a weekend) moves to the next working day.
 *
 * Source: the public holidays announced by the Cabinet and the Secretariat of the Prime Minister
 * for B.E. 2569 (2026), with substitution days, as transcribed by the open-source `holidays`
 * package (python-holidays 0.105, Thailand, category public) on 3 Dec 2026 (C.E.). The Buddhist
 * days of B.E. 2570 (Makha, Visakha, Asarnha Bucha, Buddhist Lent) are computed from the Thai
 * lunar calendar and must be checked against the Cabinet's announcement for 2570 when it is made.
 * National Children's Day (a Saturday, not a day off) is left out. The table is reference data an
 * administrator edits (`PUT /api/funding/holidays/{day}`): a special holiday the Cabinet adds is
 * one more row, and a shipped row an administrator changed is never overwritten by a reload.
 */
export const SHIPPED_HOLIDAYS: readonly { day: string; nameTh: string; nameEn: string }[] = [
  { day: "2026-01-01", nameTh: "วันขึ้นปีใหม่", nameEn: "New Year's Day" },
  { day: "2026-01-02", nameTh: "วันหยุดพิเศษ (เพิ่มเติม)", nameEn: "Bridge Public Holiday" },
  { day: "2026-03-03", nameTh: "วันมาฆบูชา", nameEn: "Makha Bucha" },
  { day: "2026-04-06", nameTh: "วันพระบาทสมเด็จพระพุทธยอดฟ้าจุฬาโลกมหาราช และวันที่ระลึกมหาจักรีบรมราชวงศ์", nameEn: "Chakri Memorial Day" },
  { day: "2026-04-13", nameTh: "วันสงกรานต์", nameEn: "Songkran Festival" },
  { day: "2026-04-14", nameTh: "วันสงกรานต์", nameEn: "Songkran Festival" },
  { day: "2026-04-15", nameTh: "วันสงกรานต์", nameEn: "Songkran Festival" },
  { day: "2026-05-01", nameTh: "วันแรงงานแห่งชาติ", nameEn: "National Labor Day" },
  { day: "2026-05-04", nameTh: "วันฉัตรมงคล", nameEn: "Coronation Day" },
  { day: "2026-05-31", nameTh: "วันวิสาขบูชา", nameEn: "Visakha Bucha" },
  { day: "2026-06-01", nameTh: "ชดเชยวันวิสาขบูชา", nameEn: "Visakha Bucha (in lieu)" },
  { day: "2026-06-03", nameTh: "วันเฉลิมพระชนมพรรษาสมเด็จพระนางเจ้าสุทิดา พัชรสุธาพิมลลักษณ พระบรมราชินี", nameEn: "HM Queen Suthida's Birthday" },
  { day: "2026-07-28", nameTh: "วันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระปรเมนทรรามาธิบดีศรีสินทรมหาวชิราลงกรณ พระวชิรเกล้าเจ้าอยู่หัว", nameEn: "HM King Maha Vajiralongkorn's Birthday" },
  { day: "2026-07-29", nameTh: "วันอาสาฬหบูชา", nameEn: "Asarnha Bucha" },
  { day: "2026-07-30", nameTh: "วันเข้าพรรษา", nameEn: "Buddhist Lent Day" },
  { day: "2026-08-12", nameTh: "วันเฉลิมพระชนมพรรษาสมเด็จพระบรมราชชนนีพันปีหลวง; วันแม่แห่งชาติ", nameEn: "HM Queen Sirikit The Queen Mother's Birthday; National Mother's Day" },
  { day: "2026-10-13", nameTh: "วันนวมินทรมหาราช", nameEn: "HM King Bhumibol Adulyadej Memorial Day" },
  { day: "2026-10-23", nameTh: "วันปิยมหาราช", nameEn: "HM King Chulalongkorn Memorial Day" },
  { day: "2026-12-05", nameTh: "วันคล้ายวันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระบรมชนกาธิเบศร มหาภูมิพลอดุลยเดชมหาราช บรมนาถบพิตร; วันชาติ; วันพ่อแห่งชาติ", nameEn: "HM King Bhumibol Adulyadej the Great's Birthday; National Day; National Father's Day" },
  { day: "2026-12-07", nameTh: "ชดเชยวันคล้ายวันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระบรมชนกาธิเบศร มหาภูมิพลอดุลยเดชมหาราช บรมนาถบพิตร; ชดเชยวันชาติ; ชดเชยวันพ่อแห่งชาติ", nameEn: "HM King Bhumibol Adulyadej the Great's Birthday (in lieu); National Day (in lieu); National Father's Day (in lieu)" },
  { day: "2026-12-10", nameTh: "วันรัฐธรรมนูญ", nameEn: "Constitution Day" },
  { day: "2026-12-31", nameTh: "วันสิ้นปี", nameEn: "New Year's Eve" },
  { day: "2027-01-01", nameTh: "วันขึ้นปีใหม่", nameEn: "New Year's Day" },
  { day: "2027-02-21", nameTh: "วันมาฆบูชา", nameEn: "Makha Bucha" },
  { day: "2027-02-22", nameTh: "ชดเชยวันมาฆบูชา", nameEn: "Makha Bucha (in lieu)" },
  { day: "2027-04-06", nameTh: "วันพระบาทสมเด็จพระพุทธยอดฟ้าจุฬาโลกมหาราช และวันที่ระลึกมหาจักรีบรมราชวงศ์", nameEn: "Chakri Memorial Day" },
  { day: "2027-04-13", nameTh: "วันสงกรานต์", nameEn: "Songkran Festival" },
  { day: "2027-04-14", nameTh: "วันสงกรานต์", nameEn: "Songkran Festival" },
  { day: "2027-04-15", nameTh: "วันสงกรานต์", nameEn: "Songkran Festival" },
  { day: "2027-05-01", nameTh: "วันแรงงานแห่งชาติ", nameEn: "National Labor Day" },
  { day: "2027-05-03", nameTh: "ชดเชยวันแรงงานแห่งชาติ", nameEn: "National Labor Day (in lieu)" },
  { day: "2027-05-04", nameTh: "วันฉัตรมงคล", nameEn: "Coronation Day" },
  { day: "2027-05-20", nameTh: "วันวิสาขบูชา", nameEn: "Visakha Bucha" },
  { day: "2027-06-03", nameTh: "วันเฉลิมพระชนมพรรษาสมเด็จพระนางเจ้าสุทิดา พัชรสุธาพิมลลักษณ พระบรมราชินี", nameEn: "HM Queen Suthida's Birthday" },
  { day: "2027-07-18", nameTh: "วันอาสาฬหบูชา", nameEn: "Asarnha Bucha" },
  { day: "2027-07-19", nameTh: "วันเข้าพรรษา", nameEn: "Buddhist Lent Day" },
  { day: "2027-07-20", nameTh: "ชดเชยวันอาสาฬหบูชา", nameEn: "Asarnha Bucha (in lieu)" },
  { day: "2027-07-28", nameTh: "วันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระปรเมนทรรามาธิบดีศรีสินทรมหาวชิราลงกรณ พระวชิรเกล้าเจ้าอยู่หัว", nameEn: "HM King Maha Vajiralongkorn's Birthday" },
  { day: "2027-08-12", nameTh: "วันเฉลิมพระชนมพรรษาสมเด็จพระบรมราชชนนีพันปีหลวง; วันแม่แห่งชาติ", nameEn: "HM Queen Sirikit The Queen Mother's Birthday; National Mother's Day" },
  { day: "2027-10-13", nameTh: "วันนวมินทรมหาราช", nameEn: "HM King Bhumibol Adulyadej Memorial Day" },
  { day: "2027-10-23", nameTh: "วันปิยมหาราช", nameEn: "HM King Chulalongkorn Memorial Day" },
  { day: "2027-10-25", nameTh: "ชดเชยวันปิยมหาราช", nameEn: "HM King Chulalongkorn Memorial Day (in lieu)" },
  { day: "2027-12-05", nameTh: "วันคล้ายวันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระบรมชนกาธิเบศร มหาภูมิพลอดุลยเดชมหาราช บรมนาถบพิตร; วันชาติ; วันพ่อแห่งชาติ", nameEn: "HM King Bhumibol Adulyadej the Great's Birthday; National Day; National Father's Day" },
  { day: "2027-12-06", nameTh: "ชดเชยวันคล้ายวันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระบรมชนกาธิเบศร มหาภูมิพลอดุลยเดชมหาราช บรมนาถบพิตร; ชดเชยวันชาติ; ชดเชยวันพ่อแห่งชาติ", nameEn: "HM King Bhumibol Adulyadej the Great's Birthday (in lieu); National Day (in lieu); National Father's Day (in lieu)" },
  { day: "2027-12-10", nameTh: "วันรัฐธรรมนูญ", nameEn: "Constitution Day" },
  { day: "2027-12-31", nameTh: "วันสิ้นปี", nameEn: "New Year's Eve" },
];
