/**
 * Competency standards shipped as reference data: the occupational standard a person is assessed
 * against, its units of competency (หน่วยสมรรถนะ), their elements (สมรรถนะย่อย) and performance
 * criteria (เกณฑ์การปฏิบัติงาน).
 *
 * Seed 001 gives the facts: an MOU to develop an e-commerce competency standard
 * (มาตรฐานสมรรถนะด้านการใช้อีคอมเมิร์ซ) with TPQI (สถาบันคุณวุฒิวิชาชีพ), and that whoever finished
 * ETDA's EASY E-COMMERCE ACADEMY course, or already has the skills, may be assessed against it.
 * Seed 003 gives the topics the units follow. Everything else (codes, level, the wording of units,
 * elements and criteria) is ours, and `assumed` lists it field by field so that nobody mistakes it
 * for TPQI's published text.
 */

/** One performance criterion (เกณฑ์การปฏิบัติงาน); code is the element code plus `.nn`. */
export interface PerformanceCriterionSeed {
  code: string;
  th: string;
  en: string;
}

/** One element of competency (สมรรถนะย่อย); code is `1` + the unit's three-digit number + its place. */
export interface ElementSeed {
  code: string;
  nameTh: string;
  nameEn: string;
  criteria: PerformanceCriterionSeed[];
}

/** One unit of competency (หน่วยสมรรถนะ), coded in TPQI's style: sector-branch-digit-number-suffix. */
export interface UnitSeed {
  code: string;
  nameTh: string;
  nameEn: string;
  descriptionTh: string;
  descriptionEn: string;
  elements: ElementSeed[];
}

export interface StandardSeed {
  /** Our stable code for the standard; TPQI publishes no such code for it. */
  code: string;
  /** The occupational standard. */
  nameTh: string;
  nameEn: string;
  sectorTh: string;
  sectorEn: string;
  /** The qualification awarded on passing every unit (คุณวุฒิวิชาชีพ). */
  qualificationTh: string;
  qualificationEn: string;
  /** TPQI qualification level, 1–8. */
  level: number;
  /** The agency that owns the standard and issues the qualification; a code from org/data/agencies. */
  ownerAgencyCode: string;
  /** Years a qualification stays valid from the day it is awarded; null if it never expires. */
  validityYears: number | null;
  units: UnitSeed[];
  /** What comes from the seeds and what does not, in both languages. */
  sourceNote: { th: string; en: string };
  /**
   * Assumed fields, as dotted paths into this object: `units.elements` means the elements of every
   * unit (and so their criteria), `units.code` the code of every unit.
   */
  assumed: string[];
}

/**
 * Unit codes are ours, numbered 901–905 so that they cannot be mistaken for, or collide with,
 * TPQI's own ICT-ECW units, which are numbered from 001 (ICT-ECW-7-014ZA, the example of
 * the style, is a real TPQI unit on e-commerce infrastructure services, so it is not reused for a
 * seller's unit here). The middle digit is written as the qualification level; TPQI's own use of
 * that digit is not confirmed.
 */
export const COMPETENCY_STANDARDS: StandardSeed[] = [
  {
    code: 'TPQI-ECW',
    nameTh: 'มาตรฐานสมรรถนะด้านการใช้อีคอมเมิร์ซ',
    nameEn: 'E-commerce competency standard',
    sectorTh: 'สาขาวิชาชีพเทคโนโลยีสารสนเทศและการสื่อสาร และดิจิทัลคอนเทนต์ สาขาธุรกิจอีคอมเมิร์ซและเว็บไซต์',
    sectorEn: 'Information and communication technology and digital content: e-commerce and website business',
    qualificationTh: 'อาชีพผู้ค้าออนไลน์ ระดับ 3',
    qualificationEn: 'Online Trader, Level 3',
    level: 3,
    ownerAgencyCode: 'TPQI',
    validityYears: 3,
    units: [
      {
        code: 'ICT-ECW-3-901ZA',
        nameTh: 'ขายสินค้าผ่านแพลตฟอร์มพาณิชย์อิเล็กทรอนิกส์และสื่อสังคมออนไลน์',
        nameEn: 'Sell goods on e-commerce platforms and social media',
        descriptionTh:
          'บุคคลที่ทำหน้าที่เกี่ยวกับการเลือกช่องทางการขายออนไลน์ การเปิดและตั้งค่าร้านค้าบนตลาดกลางออนไลน์ Facebook Page และ LINE Official Account และการลงรายการสินค้าเพื่อขาย',
        descriptionEn:
          'A person who chooses online sales channels, opens and sets up a shop on an online marketplace, a Facebook Page and a LINE Official Account, and lists goods for sale.',
        elements: [
          {
            code: '19011',
            nameTh: 'เลือกช่องทางการขายออนไลน์ให้เหมาะสมกับสินค้า',
            nameEn: 'Choose online sales channels that suit the goods',
            criteria: [
              {
                code: '19011.01',
                th: 'เปรียบเทียบเงื่อนไข ค่าธรรมเนียม และกลุ่มลูกค้าของตลาดกลางออนไลน์และสื่อสังคมออนไลน์ได้',
                en: 'Compares the terms, fees and customers of online marketplaces and social media',
              },
              {
                code: '19011.02',
                th: 'เลือกช่องทางการขายที่สอดคล้องกับประเภทสินค้าและกำลังการผลิตได้อย่างเหมาะสม',
                en: 'Chooses sales channels that fit the type of goods and the capacity to produce them',
              },
            ],
          },
          {
            code: '19012',
            nameTh: 'เปิดและตั้งค่าร้านค้าบนแพลตฟอร์ม',
            nameEn: 'Open and set up a shop on a platform',
            criteria: [
              {
                code: '19012.01',
                th: 'สมัครบัญชีผู้ขายและยืนยันตัวตนตามขั้นตอนของแพลตฟอร์มได้ถูกต้อง',
                en: "Registers a seller account and verifies identity following the platform's procedure",
              },
              {
                code: '19012.02',
                th: 'ตั้งค่าข้อมูลร้านค้า ช่องทางการติดต่อ และช่องทางการรับชำระเงินได้ครบถ้วน',
                en: "Sets up the shop's details, contact channels and ways of taking payment in full",
              },
              {
                code: '19012.03',
                th: 'เปิดใช้งาน Facebook Page หรือ LINE Official Account สำหรับร้านค้าได้',
                en: 'Opens a Facebook Page or a LINE Official Account for the shop',
              },
            ],
          },
          {
            code: '19013',
            nameTh: 'ลงรายการสินค้าและส่งเสริมการขายบนแพลตฟอร์ม',
            nameEn: 'List goods and promote sales on a platform',
            criteria: [
              {
                code: '19013.01',
                th: 'ลงรายการสินค้าพร้อมชื่อ รายละเอียด ราคา ตัวเลือก และภาพสินค้าได้ครบถ้วนและตรงกับสินค้าจริง',
                en: 'Lists goods with name, details, price, options and photographs, complete and true to the actual goods',
              },
              {
                code: '19013.02',
                th: 'ใช้เครื่องมือส่งเสริมการขายของแพลตฟอร์ม เช่น คูปองส่วนลด หรือการไลฟ์สดขายสินค้า ได้',
                en: "Uses the platform's promotion tools, such as discount coupons or live selling",
              },
            ],
          },
        ],
      },
      {
        code: 'ICT-ECW-3-902ZA',
        nameTh: 'ดำเนินงานร้านค้าออนไลน์',
        nameEn: 'Run an online shop',
        descriptionTh:
          'บุคคลที่ทำหน้าที่เกี่ยวกับการจัดการคำสั่งซื้อและสินค้าคงคลัง การรับชำระเงิน การบรรจุและจัดส่งสินค้า และการให้บริการลูกค้าก่อนและหลังการขาย',
        descriptionEn:
          'A person who manages orders and stock, takes payment, packs and delivers goods, and serves customers before and after the sale.',
        elements: [
          {
            code: '19021',
            nameTh: 'จัดการคำสั่งซื้อและสินค้าคงคลัง',
            nameEn: 'Manage orders and stock',
            criteria: [
              {
                code: '19021.01',
                th: 'ตรวจสอบและยืนยันคำสั่งซื้อ พร้อมบันทึกรายละเอียดผู้ซื้อและสินค้าได้ถูกต้อง',
                en: 'Checks and confirms orders, recording the buyer and the goods correctly',
              },
              {
                code: '19021.02',
                th: 'ปรับปรุงจำนวนสินค้าคงคลังให้ตรงกับสินค้าที่มีอยู่จริงในทุกช่องทางการขาย',
                en: 'Keeps the stock count on every sales channel equal to the goods actually on hand',
              },
            ],
          },
          {
            code: '19022',
            nameTh: 'รับชำระเงินและจัดส่งสินค้า',
            nameEn: 'Take payment and deliver goods',
            criteria: [
              {
                code: '19022.01',
                th: 'จัดให้มีวิธีชำระเงินที่ผู้ซื้อเลือกได้ เช่น โอนเงิน พร้อมเพย์ ชำระผ่านแพลตฟอร์ม หรือเก็บเงินปลายทาง',
                en: 'Offers payment methods the buyer can choose from, such as bank transfer, PromptPay, payment through the platform or cash on delivery',
              },
              {
                code: '19022.02',
                th: 'บรรจุหีบห่อสินค้าให้เหมาะสมกับประเภทสินค้าและวิธีการขนส่ง',
                en: 'Packs goods to suit their type and the way they are shipped',
              },
              {
                code: '19022.03',
                th: 'แจ้งหมายเลขพัสดุและติดตามสถานะการจัดส่งจนผู้ซื้อได้รับสินค้า',
                en: 'Gives the buyer the tracking number and follows the delivery until the buyer receives the goods',
              },
            ],
          },
          {
            code: '19023',
            nameTh: 'ให้บริการลูกค้าก่อนและหลังการขาย',
            nameEn: 'Serve customers before and after the sale',
            criteria: [
              {
                code: '19023.01',
                th: 'ตอบคำถามของลูกค้าผ่านช่องทางออนไลน์ได้ถูกต้อง สุภาพ และภายในเวลาที่ร้านกำหนด',
                en: "Answers customers' questions online correctly, politely and within the time the shop has set",
              },
              {
                code: '19023.02',
                th: 'ดำเนินการเปลี่ยนสินค้า คืนสินค้า หรือคืนเงินตามนโยบายของร้านและเงื่อนไขของแพลตฟอร์ม',
                en: "Handles exchanges, returns and refunds under the shop's policy and the platform's terms",
              },
              {
                code: '19023.03',
                th: 'ตอบคำติชมและรีวิวเชิงลบอย่างสุภาพและแก้ไขปัญหา เพื่อรักษาชื่อเสียงของร้านบนโลกออนไลน์',
                en: "Replies politely to complaints and negative reviews and resolves the problem, to keep the shop's good name online",
              },
            ],
          },
        ],
      },
      {
        code: 'ICT-ECW-3-903ZA',
        nameTh: 'สร้างเนื้อหาและถ่ายภาพสินค้าเพื่อการขายออนไลน์',
        nameEn: 'Create content and product photographs for online selling',
        descriptionTh:
          'บุคคลที่ทำหน้าที่เกี่ยวกับการถ่ายภาพและวิดีโอสินค้าด้วยโทรศัพท์มือถือ การตกแต่งภาพและตัดต่อวิดีโอ และการเขียนเนื้อหาเพื่อการขายสินค้าและบริการ',
        descriptionEn:
          'A person who photographs and films goods with a mobile phone, edits the photographs and videos, and writes content to sell goods and services.',
        elements: [
          {
            code: '19031',
            nameTh: 'ถ่ายภาพและวิดีโอสินค้าด้วยโทรศัพท์มือถือ',
            nameEn: 'Photograph and film goods with a mobile phone',
            criteria: [
              {
                code: '19031.01',
                th: 'จัดแสง ฉากหลัง และมุมกล้อง ให้เห็นรูปทรง สี และขนาดของสินค้าได้ชัดเจน',
                en: "Arranges light, background and camera angle so that the goods' shape, colour and size show clearly",
              },
              {
                code: '19031.02',
                th: 'ถ่ายภาพสินค้าครบทุกด้านที่ผู้ซื้อต้องใช้ประกอบการตัดสินใจซื้อ',
                en: 'Photographs every side of the goods that a buyer needs to see before deciding to buy',
              },
            ],
          },
          {
            code: '19032',
            nameTh: 'ตกแต่งภาพและตัดต่อวิดีโอ',
            nameEn: 'Edit photographs and videos',
            criteria: [
              {
                code: '19032.01',
                th: 'ปรับแสง สี และครอปภาพด้วยแอปพลิเคชันบนโทรศัพท์มือถือ โดยไม่ทำให้สินค้าดูแตกต่างจากของจริง',
                en: 'Adjusts light and colour and crops photographs with a phone app without making the goods look different from the real thing',
              },
              {
                code: '19032.02',
                th: 'จัดขนาดและสัดส่วนของภาพและวิดีโอให้ตรงตามข้อกำหนดของแต่ละแพลตฟอร์ม',
                en: "Sizes photographs and videos to each platform's requirements",
              },
            ],
          },
          {
            code: '19033',
            nameTh: 'เขียนเนื้อหาเพื่อการขาย',
            nameEn: 'Write content that sells',
            criteria: [
              {
                code: '19033.01',
                th: 'เขียนคำบรรยายสินค้าที่บอกจุดเด่น ประโยชน์ และข้อมูลที่จำเป็นได้ถูกต้องตามความเป็นจริง',
                en: "Writes product descriptions that give the goods' strengths, benefits and necessary facts truthfully",
              },
              {
                code: '19033.02',
                th: 'วางแผนและเผยแพร่เนื้อหาให้เหมาะสมกับกลุ่มเป้าหมายและช่วงเวลา',
                en: 'Plans and publishes content to suit the target group and the time of posting',
              },
              {
                code: '19033.03',
                th: 'ใช้ภาพ เพลง และข้อความในเนื้อหาโดยไม่ละเมิดลิขสิทธิ์ของผู้อื่น',
                en: "Uses images, music and text without infringing anyone else's copyright",
              },
            ],
          },
        ],
      },
      {
        code: 'ICT-ECW-3-904ZA',
        nameTh: 'วิเคราะห์ตลาดและกลุ่มเป้าหมายสำหรับการขายออนไลน์',
        nameEn: 'Analyse the market and target groups for online selling',
        descriptionTh:
          'บุคคลที่ทำหน้าที่เกี่ยวกับการวิเคราะห์กลุ่มลูกค้าเป้าหมาย การวิเคราะห์คู่แข่งและกำหนดราคาขาย และการใช้ข้อมูลสถิติจากแพลตฟอร์มเพื่อปรับปรุงการขาย',
        descriptionEn:
          'A person who analyses target customers, studies competitors and sets selling prices, and uses statistics from the platform to improve sales.',
        elements: [
          {
            code: '19041',
            nameTh: 'วิเคราะห์กลุ่มลูกค้าเป้าหมาย',
            nameEn: 'Analyse target customers',
            criteria: [
              {
                code: '19041.01',
                th: 'ระบุกลุ่มลูกค้าเป้าหมายตามช่วงอายุ พื้นที่ ความสนใจ และพฤติกรรมการซื้อได้',
                en: 'Identifies target customers by age range, area, interests and buying behaviour',
              },
              {
                code: '19041.02',
                th: 'อธิบายความต้องการหรือปัญหาของลูกค้าที่สินค้าตอบสนองได้',
                en: "Explains the customers' needs or problems that the goods meet",
              },
            ],
          },
          {
            code: '19042',
            nameTh: 'วิเคราะห์คู่แข่งและกำหนดราคาขาย',
            nameEn: 'Analyse competitors and set selling prices',
            criteria: [
              {
                code: '19042.01',
                th: 'เปรียบเทียบสินค้า ราคา และการส่งเสริมการขายของคู่แข่งบนช่องทางเดียวกันได้',
                en: "Compares competitors' goods, prices and promotions on the same channel",
              },
              {
                code: '19042.02',
                th: 'คำนวณต้นทุนสินค้า ค่าธรรมเนียมแพลตฟอร์ม และค่าขนส่ง เพื่อกำหนดราคาขายที่มีกำไร',
                en: 'Works out the cost of the goods, platform fees and shipping to set a selling price that makes a profit',
              },
            ],
          },
          {
            code: '19043',
            nameTh: 'ใช้ข้อมูลจากแพลตฟอร์มเพื่อปรับปรุงการขาย',
            nameEn: 'Use data from the platform to improve sales',
            criteria: [
              {
                code: '19043.01',
                th: 'อ่านข้อมูลสถิติของร้าน เช่น จำนวนผู้เข้าชม อัตราการสั่งซื้อ และยอดขาย ได้ถูกต้อง',
                en: "Reads the shop's statistics, such as visitors, order rate and sales, correctly",
              },
              {
                code: '19043.02',
                th: 'ปรับสินค้า ราคา หรือเนื้อหาตามผลการวิเคราะห์ข้อมูล',
                en: 'Adjusts goods, prices or content according to what the data show',
              },
            ],
          },
        ],
      },
      {
        code: 'ICT-ECW-3-905ZA',
        nameTh: 'ขายสินค้าออนไลน์อย่างถูกกฎหมายและมั่นคงปลอดภัย',
        nameEn: 'Sell online lawfully and securely',
        descriptionTh:
          'บุคคลที่ทำหน้าที่เกี่ยวกับการปฏิบัติตามกฎหมายว่าด้วยธุรกรรมทางอิเล็กทรอนิกส์ การคุ้มครองผู้บริโภค และการคุ้มครองข้อมูลส่วนบุคคล และการป้องกันภัยในการชำระเงินและการทำธุรกรรมออนไลน์',
        descriptionEn:
          'A person who complies with the law on electronic transactions, consumer protection and personal data protection, and guards against threats to online payments and transactions.',
        elements: [
          {
            code: '19051',
            nameTh: 'ปฏิบัติตามกฎหมายที่เกี่ยวข้องกับการค้าออนไลน์',
            nameEn: 'Comply with the laws on online trade',
            criteria: [
              {
                code: '19051.01',
                th: 'อธิบายผลทางกฎหมายของสัญญาและหลักฐานการซื้อขายในรูปแบบอิเล็กทรอนิกส์ตามพระราชบัญญัติว่าด้วยธุรกรรมทางอิเล็กทรอนิกส์ได้',
                en: 'Explains the legal effect of electronic contracts and records of sale under the Electronic Transactions Act',
              },
              {
                code: '19051.02',
                th: 'แสดงข้อมูลผู้ขาย ราคา และเงื่อนไขการขายให้ครบถ้วนตามกฎหมายคุ้มครองผู้บริโภค',
                en: "Shows the seller's details, prices and terms of sale in full, as consumer protection law requires",
              },
              {
                code: '19051.03',
                th: 'ไม่โฆษณาเกินจริง และไม่จำหน่ายสินค้าที่กฎหมายห้ามหรือสินค้าที่ต้องได้รับอนุญาตโดยไม่มีใบอนุญาต',
                en: 'Makes no exaggerated claims, and sells neither goods the law bans nor licensed goods without the licence',
              },
            ],
          },
          {
            code: '19052',
            nameTh: 'คุ้มครองข้อมูลส่วนบุคคลของลูกค้า',
            nameEn: "Protect customers' personal data",
            criteria: [
              {
                code: '19052.01',
                th: 'เก็บรวบรวมและใช้ข้อมูลส่วนบุคคลของลูกค้าเท่าที่จำเป็นต่อการขายและการจัดส่ง ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล',
                en: "Collects and uses customers' personal data only as far as selling and delivery need, under the Personal Data Protection Act",
              },
              {
                code: '19052.02',
                th: 'ไม่เปิดเผยข้อมูลส่วนบุคคลของลูกค้า เช่น ชื่อ ที่อยู่ หมายเลขโทรศัพท์ บนหน้าร้านหรือสื่อสังคมออนไลน์',
                en: "Does not disclose customers' personal data, such as names, addresses and phone numbers, on the shop page or on social media",
              },
            ],
          },
          {
            code: '19053',
            nameTh: 'ป้องกันภัยจากการชำระเงินและการทำธุรกรรมออนไลน์',
            nameEn: 'Guard against threats to online payments and transactions',
            criteria: [
              {
                code: '19053.01',
                th: 'ตั้งรหัสผ่านที่คาดเดายากและเปิดใช้การยืนยันตัวตนสองขั้นตอนสำหรับบัญชีร้านค้าและบัญชีการเงิน',
                en: 'Sets hard-to-guess passwords and turns on two-step verification for shop and financial accounts',
              },
              {
                code: '19053.02',
                th: 'ตรวจสอบยอดเงินเข้าบัญชีธนาคารจริงก่อนส่งสินค้า เพื่อป้องกันหลักฐานการโอนเงินปลอม',
                en: 'Checks that the money has actually reached the bank account before dispatch, to guard against fake transfer slips',
              },
              {
                code: '19053.03',
                th: 'ระบุลักษณะของมิจฉาชีพออนไลน์ เช่น ลิงก์ปลอม การแอบอ้างเป็นแพลตฟอร์มหรือหน่วยงานของรัฐ และแจ้งเหตุต่อหน่วยงานที่รับผิดชอบได้',
                en: 'Recognises online fraud, such as fake links and impersonation of a platform or a government agency, and reports it to the agency responsible',
              },
            ],
          },
        ],
      },
    ],
    sourceNote: {
      th:
        'จากข่าวที่ 001: บันทึกข้อตกลงความร่วมมือการพัฒนามาตรฐานสมรรถนะด้านการใช้อีคอมเมิร์ซระหว่าง พม. สถาบันคุณวุฒิวิชาชีพ สวทช. สพธอ. และธนาคารออมสิน และผู้ผ่านหลักสูตร EASY E-COMMERCE ACADEMY SKILLS LEARN BY YOURSELF หรือผู้มีความรู้ความสามารถด้านอีคอมเมิร์ซ เข้ารับการประเมินสมรรถนะกับสถาบันคุณวุฒิวิชาชีพได้ จากข่าวที่ 003: หัวข้อที่หน่วยสมรรถนะทั้งห้าหน่วยยึดตาม ส่วนที่สมมติขึ้น ได้แก่ รหัสมาตรฐาน สาขาวิชาชีพ ชื่อคุณวุฒิ ระดับ อายุคุณวุฒิ และถ้อยคำของหน่วยสมรรถนะ สมรรถนะย่อย และเกณฑ์การปฏิบัติงานทั้งหมด รหัสหน่วยสมรรถนะ 901–905 ตั้งขึ้นเองเพื่อไม่ให้ซ้ำกับรหัสจริงของสถาบันคุณวุฒิวิชาชีพ',
      en:
        "From seed 001: the MOU between MSDHS, TPQI, NSTDA, ETDA and the Government Savings Bank to develop an e-commerce competency standard, and that people who completed ETDA's EASY E-COMMERCE ACADEMY SKILLS LEARN BY YOURSELF course, or already have e-commerce skills, may be assessed by TPQI. From seed 003: the topics the five units follow. Assumed: the standard's code, the sector, the qualification's name, level and validity, and all wording of units, elements and performance criteria. Unit codes 901–905 are ours, chosen not to collide with TPQI's real codes.",
    },
    assumed: [
      'code',
      'sectorTh',
      'sectorEn',
      'qualificationTh',
      'qualificationEn',
      'level',
      'validityYears',
      'units.code',
      'units.nameTh',
      'units.nameEn',
      'units.descriptionTh',
      'units.descriptionEn',
      'units.elements',
    ],
  },
];
