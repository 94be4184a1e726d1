/** The monitoring pages' words (Thai defines the keys). */
const th = {
  overview: {
    title: 'ติดตามผลตามตัวชี้วัด',
    intro: 'ผลจริงเทียบกับเป้าหมายของปีงบประมาณ รายจังหวัด เทียบกับช่วงเดียวกันของปีก่อน',
    fiscalYear: 'ปีงบประมาณ',
    fiscalYearOption: 'ปีงบประมาณ {{fy}}',
    province: 'จังหวัด',
    allProvinces: 'ทุกจังหวัดในพื้นที่ของคุณ',
    indicator: 'ตัวชี้วัดบนแผนที่และตาราง',
    actual: 'ผลจริง',
    target: 'เป้าหมาย',
    noTarget: 'ยังไม่กำหนดเป้าหมาย',
    percent: '{{percent}}% ของเป้าหมาย',
    progress: '{{name}}: {{actual}} จากเป้าหมาย {{target}} ({{percent}}%)',
    lastYear: 'ช่วงเดียวกันปีงบประมาณ {{fy}}: {{n}}',
    notMaintained: 'ยังไม่นับ',
    notMaintainedDetail: 'กำหนดตัวชี้วัดแล้ว ระบบยังไม่ได้นับผลจากข้อมูลจริง',
    map: 'แผนที่ {{name}} รายจังหวัด (สีเข้ม = มาก) แตะจังหวัดเพื่อดูเฉพาะจังหวัดนั้น',
    table: '{{name}} รายจังหวัด',
    share: 'ร้อยละ',
    noneYet: 'ยังไม่มีผลในปีงบประมาณนี้',
    area: 'พื้นที่: {{area}}',
    wholeCountry: 'ทั่วประเทศ',
    yourArea: 'พื้นที่ของคุณ',
    source: 'ที่มา: {{source}}',
  },
};

export default th;
