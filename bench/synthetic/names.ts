/**
 * Thai given names and surname parts with their usual romanisation, for synthetic people. Given
 * names are common real ones; surnames are composed from the parts Thai surnames are made of
 * (ศรี, สุข, วงศ์, ทอง, …), which gives tens of thousands of distinct, believable surnames.
 */
export type Name = readonly [th: string, en: string];

export const FEMALE_NAMES: readonly Name[] = [
  ['สมศรี', 'Somsri'], ['มาลี', 'Malee'], ['สุดา', 'Suda'], ['กาญจนา', 'Kanchana'], ['ประไพ', 'Prapai'], ['จันทร์เพ็ญ', 'Chanpen'], ['บุญเรือน', 'Boonruean'],
  ['สมหญิง', 'Somying'], ['วันเพ็ญ', 'Wanpen'], ['นงลักษณ์', 'Nongluck'], ['อำไพ', 'Ampai'], ['บัวผัน', 'Buaphan'], ['ทองใบ', 'Thongbai'], ['สุภาพ', 'Suphap'],
  ['พรทิพย์', 'Pornthip'], ['ศิริพร', 'Siriporn'], ['รัตนา', 'Rattana'], ['อรุณี', 'Arunee'], ['วิไล', 'Wilai'], ['สุนีย์', 'Sunee'], ['ปราณี', 'Pranee'],
  ['ลำดวน', 'Lamduan'], ['คำปุ่น', 'Khampun'], ['บุญมา', 'Boonma'], ['เพ็ญศรี', 'Pensri'], ['จิราพร', 'Jiraporn'], ['สุกัญญา', 'Sukanya'], ['ณัฐธิดา', 'Natthida'],
  ['กนกวรรณ', 'Kanokwan'], ['ปิยะนุช', 'Piyanuch'], ['ศศิธร', 'Sasithorn'], ['อัญชลี', 'Anchalee'], ['ดวงใจ', 'Duangjai'], ['เยาวลักษณ์', 'Yaowaluck'],
  ['ชนิดา', 'Chanida'], ['พิมพ์ใจ', 'Pimjai'], ['สายสุนีย์', 'Saisunee'], ['นภาพร', 'Napaporn'], ['ธิดารัตน์', 'Thidarat'], ['วรรณา', 'Wanna'], ['อุไรวรรณ', 'Uraiwan'],
  ['จำเนียร', 'Chamnian'], ['ละเอียด', 'La-iat'], ['ทองม้วน', 'Thongmuan'], ['แสงเดือน', 'Saengduean'], ['บุษบา', 'Butsaba'], ['มณีรัตน์', 'Maneerat'], ['สมใจ', 'Somjai'],
  ['ประภาพร', 'Praphaporn'], ['สุวรรณี', 'Suwannee'], ['ขวัญใจ', 'Khwanjai'], ['พัชรี', 'Patcharee'], ['อรทัย', 'Orathai'], ['ยุพิน', 'Yupin'], ['ชุติมา', 'Chutima'],
  ['วาสนา', 'Wassana'], ['สมพร', 'Somporn'], ['เกศินี', 'Kesinee'], ['นันทนา', 'Nantana'], ['ลัดดา', 'Ladda'], ['ศรีไพร', 'Sriprai'], ['ไพลิน', 'Pailin'],
  ['กาญจนาภรณ์', 'Kanchanaporn'], ['ปวีณา', 'Paweena'], ['ภัทรา', 'Phattra'], ['อรวรรณ', 'Orawan'], ['ทิพวรรณ', 'Thippawan'], ['ดารุณี', 'Darunee'],
];

export const MALE_NAMES: readonly Name[] = [
  ['สมชาย', 'Somchai'], ['วิชัย', 'Wichai'], ['ประเสริฐ', 'Prasert'], ['บุญมี', 'Boonmee'], ['สมศักดิ์', 'Somsak'], ['อำนวย', 'Amnuay'], ['สมพงษ์', 'Sompong'],
  ['สุรชัย', 'Surachai'], ['ชัยวัฒน์', 'Chaiwat'], ['ณรงค์', 'Narong'], ['ประยุทธ', 'Prayut'], ['บุญเลิศ', 'Boonlert'], ['ทองดี', 'Thongdee'], ['คำพันธ์', 'Khamphan'],
  ['สมบัติ', 'Sombat'], ['วีระ', 'Weera'], ['ธีระ', 'Theera'], ['อนุชา', 'Anucha'], ['กิตติ', 'Kitti'], ['ไพโรจน์', 'Pairoj'], ['สุเทพ', 'Suthep'], ['มานพ', 'Manop'],
  ['เกรียงไกร', 'Kriangkrai'], ['ชาตรี', 'Chatri'], ['พิชิต', 'Phichit'], ['ศักดิ์ชัย', 'Sakchai'], ['ยุทธนา', 'Yutthana'], ['ธนากร', 'Thanakorn'], ['ณัฐพล', 'Nattapon'],
  ['อภิชาติ', 'Aphichat'], ['สุริยา', 'Suriya'], ['จักรพันธ์', 'Chakkraphan'], ['วรวุฒิ', 'Worawut'], ['ปรีชา', 'Preecha'], ['บุญส่ง', 'Boonsong'], ['เสถียร', 'Sathian'],
  ['สำราญ', 'Samran'], ['ทองคำ', 'Thongkham'], ['คำแพง', 'Khamphaeng'], ['บุญช่วย', 'Boonchuay'], ['ประจวบ', 'Prachuap'], ['สมาน', 'Saman'], ['อุดม', 'Udom'],
  ['ชำนาญ', 'Chamnan'], ['วิโรจน์', 'Wiroj'], ['สุพจน์', 'Suphot'], ['ธวัชชัย', 'Thawatchai'], ['พงศกร', 'Pongsakorn'], ['ภูมิพัฒน์', 'Phumipat'], ['ศุภชัย', 'Supachai'],
  ['ธนวัฒน์', 'Thanawat'], ['กฤษดา', 'Kritsada'], ['นพดล', 'Noppadon'], ['เอกชัย', 'Ekkachai'], ['สิทธิชัย', 'Sitthichai'], ['อนันต์', 'Anan'], ['บรรจง', 'Banjong'],
];

/** Parts of Thai surnames; two or three make one (ศรี + สุข + สวัสดิ์ = ศรีสุขสวัสดิ์). */
export const SURNAME_PARTS: readonly Name[] = [
  ['ศรี', 'Sri'], ['สุข', 'suk'], ['วงศ์', 'wong'], ['ทอง', 'thong'], ['แก้ว', 'kaew'], ['บุญ', 'boon'], ['ใจ', 'jai'], ['ดี', 'dee'], ['ชัย', 'chai'],
  ['สวัสดิ์', 'sawat'], ['จันทร์', 'chan'], ['มณี', 'manee'], ['คำ', 'kham'], ['แสง', 'saeng'], ['เพ็ชร', 'phet'], ['รัตน์', 'rat'], ['พันธ์', 'phan'],
  ['สุวรรณ', 'suwan'], ['ประเสริฐ', 'prasert'], ['มั่น', 'man'], ['เจริญ', 'charoen'], ['พร', 'phon'], ['ศักดิ์', 'sak'], ['นาม', 'nam'], ['สิทธิ์', 'sit'],
  ['วิเศษ', 'wiset'], ['กุล', 'kun'], ['ภักดี', 'phakdee'], ['รักษ์', 'rak'], ['ไทย', 'thai'], ['อินทร์', 'in'], ['เงิน', 'ngoen'], ['นิล', 'nin'], ['บัว', 'bua'],
  ['ทิพย์', 'thip'], ['ฤทธิ์', 'rit'], ['พงษ์', 'phong'], ['สาย', 'sai'], ['มงคล', 'mongkhon'], ['ยิ่ง', 'ying'], ['เย็น', 'yen'], ['ปัญญา', 'panya'], ['วัฒน์', 'wat'],
];
