/**
 * Thai names with the English spellings their owners use (RTGS-like, with the customary
 * "ee", "oo", "j", "ph" of Thai passports: สมศรี Somsri, บุญมา Boonma, ใจดี Jaidee).
 *
 * Lists run from the commonest to the rarest: the tables at the bottom draw from them with a
 * Zipf-like skew, so a few names are common and most are rare, as in a real registry.
 */
import { Rng, WeightedTable } from './random';

export interface ThaiName {
  th: string;
  en: string;
}

/**
 * Reads "ไทย English ไทย English …" (whitespace-separated pairs) into names, dropping repeated
 * Thai spellings. Checks each pair's scripts, so a missing word cannot shift every later pair
 * onto the wrong romanisation unnoticed.
 */
function pairs(text: string): ThaiName[] {
  const words = text.trim().split(/\s+/);
  if (words.length % 2 !== 0) throw new Error(`Name list has an odd number of words (${words.length})`);
  const names = new Map<string, ThaiName>();
  for (let i = 0; i < words.length; i += 2) {
    const th = words[i]!;
    const en = words[i + 1]!;
    if (!/^[\u0E01-\u0E4E]+$/.test(th) || !/^[A-Z][a-z]+$/.test(en)) throw new Error(`Not a Thai name and its romanisation: "${th} ${en}"`);
    if (!names.has(th)) names.set(th, { th, en });
  }
  return [...names.values()];
}

export const FEMALE_FIRST_NAMES: readonly ThaiName[] = pairs(`
  สมศรี Somsri  มาลี Malee  สุดา Suda  กาญจนา Kanchana  ประไพ Prapai  จันทร์เพ็ญ Chanpen  บุญเรือน Boonruean
  สมหญิง Somying  วันเพ็ญ Wanpen  นงลักษณ์ Nongluck  อำไพ Ampai  บัวผัน Buaphan  ทองใบ Thongbai  สุภาพ Suphap
  พรทิพย์ Pornthip  ศิริพร Siriporn  รัตนา Rattana  อรุณี Arunee  วิไล Wilai  สุนีย์ Sunee  ปราณี Pranee
  ลำดวน Lamduan  คำปุ่น Khampun  เพ็ญศรี Pensri  จิราพร Jiraporn  สุกัญญา Sukanya  ณัฐธิดา Natthida  กนกวรรณ Kanokwan
  ปิยะนุช Piyanuch  ศศิธร Sasithorn  อัญชลี Anchalee  ดวงใจ Duangjai  เยาวลักษณ์ Yaowaluck  ชนิดา Chanida  พิมพ์ใจ Pimjai
  สายสุนีย์ Saisunee  นภาพร Napaporn  ธิดารัตน์ Thidarat  วรรณา Wanna  อุไรวรรณ Uraiwan  จำเนียร Chamnian  ละเอียด Laiat
  แสงเดือน Saengduean  บุษบา Butsaba  มณีรัตน์ Maneerat  สมใจ Somjai  ประภาพร Praphaporn  สุวรรณี Suwannee  ขวัญใจ Khwanjai
  พัชรี Patcharee  อรทัย Orathai  ยุพิน Yupin  ชุติมา Chutima  วาสนา Wassana  สมพร Somporn  เกศินี Kesinee
  นันทนา Nantana  ลัดดา Ladda  ศรีไพร Sriprai  ไพลิน Pailin  กาญจนาภรณ์ Kanchanaporn  ปวีณา Paweena  ภัทรา Phattra
  อรวรรณ Orawan  ทิพวรรณ Thippawan  ดารุณี Darunee  นิตยา Nittaya  สุจิตรา Sujitra  จินตนา Jintana  ศิริรัตน์ Sirirat
  อรอุมา Onuma  พรรณี Pannee  บุญตา Boonta  จันทร์ทิพย์ Chanthip  บังอร Bangon  สุมาลี Sumalee  ประนอม Pranom
  ทองพูน Thongpoon  สุนทรี Suntaree  อนงค์ Anong  ละมัย Lamai  ลำไย Lamyai  สำลี Samlee  เรณู Renu
  สายทอง Saithong  สายใจ Saijai  สายสมร Saisamorn  สุพัตรา Supattra  สุรีย์ Suree  อุษา Usa  อุทัยวรรณ Uthaiwan
  อารีย์ Aree  อัมพร Amporn  เอื้อมพร Ueamporn  ฉวีวรรณ Chaweewan  ชไมพร Chamaiporn  ดวงเดือน Duangduean  ดวงพร Duangporn
  ทัศนีย์ Tassanee  ธนพร Thanaporn  นงนุช Nongnuch  นวลจันทร์ Nuanchan  นันทิยา Nantiya  นิภา Nipa  นิรมล Niramon
  บุปผา Buppha  เบญจวรรณ Benjawan  ปทุมพร Pathumporn  ประคอง Prakong  ประทุม Pratum  ปัทมา Pattama  ผ่องศรี Phongsri
  พเยาว์ Payao  พรรณิภา Pannipa  พวงทอง Puangthong  พวงเพ็ญ Puangpen  เพ็ญนภา Pennapa  ไพรวัลย์ Praiwan  ภัทราภรณ์ Phattaraporn
  มยุรี Mayuree  มาลัย Malai  เมตตา Metta  ยุพา Yupa  ยุวดี Yuwadee  รจนา Rotjana  รัชนี Ratchanee
  รุ่งนภา Rungnapa  รุ่งทิวา Rungthiwa  ละออ Laor  ลำพึง Lamphueng  วนิดา Wanida  วรรณภา Wannapa  วราภรณ์ Waraporn
  วิภา Wipa  วิมล Wimon  วิมลรัตน์ Wimonrat  ศรีสุดา Srisuda  ศิริลักษณ์ Sirilak  ศิริวรรณ Siriwan  สมร Samorn
  สมจิตร Somjit  สมพิศ Sompit  สายฝน Saifon  สาวิตรี Sawitree  สุจินดา Sujinda  สุชาดา Suchada  สุดารัตน์ Sudarat
  สุนันทา Sunanta  สุพรรณี Supannee  สุภาพร Supaporn  สุมิตรา Sumitra  เสาวลักษณ์ Saowaluck  หนึ่งฤทัย Nuengruethai  อรพิน Orapin
  อรอนงค์ Oranong  อรุณรัตน์ Arunrat  อังคณา Angkana  อัจฉรา Atchara  อารีรัตน์ Areerat  อาภรณ์ Aporn  อุบล Ubon
  อุไร Urai  ฐิติมา Thitima  ณัฐวดี Natthawadee  ณัฐชา Natcha  ธัญญารัตน์ Thanyarat  ธนัชพร Thanatchaporn  นฤมล Naruemon
  ปิยะพร Piyaporn  ปาริชาติ Parichat  พิมพ์ชนก Pimchanok  ภาวิณี Pawinee  มนัสนันท์ Manatsanan  รัตนาภรณ์ Rattanaporn  วรรณวิสา Wannawisa
  ศิรินทิพย์ Sirinthip  สิริกร Sirikorn  อภิญญา Apinya  อริสา Arisa  อัญชัน Anchan  กมลชนก Kamonchanok  กมลวรรณ Kamonwan
  กัลยา Kanlaya  เกวลิน Kewalin  ขนิษฐา Khanittha  จารุวรรณ Jaruwan  จิรนันท์ Jiranan  เจนจิรา Jenjira  ชลธิชา Chonthicha
  ชลดา Chonlada  ญาณิศา Yanisa  ฐิตาพร Thitaporn  ณัฐริกา Nattharika  ณิชา Nicha  ดารารัตน์ Dararat  ทิพย์สุดา Thipsuda
  ธิดา Thida  นภัสสร Naphatsorn  นันทพร Nantaporn  นาตยา Nattaya  นิศารัตน์ Nisarat  เบญจมาศ Benjamas  ปนัดดา Panadda
  ปิยธิดา Piyathida  พรรณทิพา Panthipa  พัชราภรณ์ Patcharaporn  พิไลพร Pilaiporn  เพชรรัตน์ Petcharat  ภัทรวดี Phattharawadee  มณฑิรา Monthira
  เมธาวี Methawee  รัชดา Ratchada  รัตติยา Rattiya  ลลิตา Lalita  วรรณิศา Wannisa  วันวิสา Wanwisa  วิลาวัณย์ Wilawan
  ศศิวิมล Sasiwimon  ศุภลักษณ์ Suphalak  สโรชา Sarocha  สุธิดา Suthida  สุนิสา Sunisa  สุพิชชา Supitcha  หทัยรัตน์ Hathairat
  อทิตยา Athittaya  อนุสรา Anusara  อรนุช Oranuch  อรัญญา Aranya  อินทิรา Inthira  อุมาพร Umaporn  ไอลดา Ailada
  ธัญชนก Thanchanok  ปุณยวีร์ Punyawee  พิชญา Pitchaya  ชนัญญา Chananya  ณัฐณิชา Natnicha  กัญญารัตน์ Kanyarat  ขวัญฤทัย Khwanruethai
  จันทร์จิรา Janjira  จุฑามาศ Chuthamat  ชญานิศ Chayanit  ชุลีพร Chuleeporn  ดวงกมล Duangkamon  ทิพาพร Thipaporn  นวพร Nawaporn
  นัทธมน Nutthamon  บุษกร Butsakorn  ประภัสสร Praphatsorn  ปรียา Preeya  เปรมฤดี Premruedee  ผกามาศ Phakamat  พนิดา Panida
  พัชริดา Patcharida  เพ็ญพักตร์ Penpak  มาลินี Malinee  ยุวธิดา Yuwathida  รัชนก Ratchanok  รุ่งอรุณ Rungarun  ลักขณา Lakkhana
  วรางคณา Warangkana  วิชุดา Wichuda  ศรัณยา Saranya  ศิริขวัญ Sirikhwan  สมฤดี Somruedee  สร้อยทิพย์ Soithip  สายรุ้ง Sairung
  สุวนันท์ Suwanan  อนัญญา Ananya  อมรรัตน์ Amornrat  อรพรรณ Orapan  อริยา Ariya  อำภา Ampa  อุทุมพร Uthumporn
  บัวลอย Bualoi  บัวศรี Buasri  บุญศรี Boonsri  บุญเพ็ง Boonpeng  คำหล้า Khamla  หนูพิน Nuphin  หนูเพียร Nupian
  เสงี่ยม Sangiam  สำเนียง Samniang  จำปา Champa  จำปี Champee  มะลิ Mali  ลำเพย Lamphoei  เยาวภา Yaowapa
  ผ่องพรรณ Phongphan  พิศมัย Phitsamai  พิกุล Phikun  ศรีนวล Srinuan  บุญเหลือ Boonluea  อุดมพร Udomporn  อุไรพร Uraiporn
  กรรณิการ์ Kannika  กฤติยา Krittiya  กุลธิดา Kunthida  กัญญา Kanya  จริยา Jariya  จิตรา Jitra  จุไรรัตน์ Jurairat
  ฉันทนา Chantana  ธัญลักษณ์ Thanyaluck  นงเยาว์ Nongyao  นุชนาถ Nuchanat  ประไพศรี Praphaisri  ปิ่นแก้ว Pinkaew  พรพรรณ Pornpan
  พรรณา Panna  เพ็ญจันทร์ Penchan  เยาวเรศ Yaowares  รำไพ Rampai  วรรณี Wannee  วันดี Wandee  ศรีสมร Srisamorn
  สายบัว Saibua  สุวิมล Suwimon  อรสา Orasa  อัจฉราพร Atcharaporn  ศิราณี Siranee  ทองสุข Thongsuk  จันทร์แรม Chanraem
  คำใส Khamsai  บุญชู Boonchu  ทองเพียร Thongpian  แสงจันทร์ Saengchan  ดอกไม้ Dokmai  บุญยัง Boonyang  สมนึก Somnuek
  ทองล้วน Thongluan  ประภา Prapha  สุภา Supha  นวลศรี Nuansri  พยอม Phayom  ลำจวน Lamchuan  อำพัน Amphan
  ชุติกาญจน์ Chutikan  ณัฏฐา Nattha  ธนิดา Thanida  ปภาวดี Paphawadee  พรนภา Pornnapa  รวิสรา Rawisara  ศิรประภา Siraprapha
  สุชานาถ Suchanat  เกศรา Ketsara  กชกร Kotchakorn  ชนากานต์ Chanakan  ธมลวรรณ Thamonwan  นันทิชา Nanticha  ปวันรัตน์ Pawanrat
`);

export const MALE_FIRST_NAMES: readonly ThaiName[] = pairs(`
  สมชาย Somchai  สมศักดิ์ Somsak  วิชัย Wichai  ประเสริฐ Prasert  บุญมี Boonmee  อำนวย Amnuay  สมพงษ์ Sompong
  สุรชัย Surachai  ชัยวัฒน์ Chaiwat  ณรงค์ Narong  ประยุทธ Prayut  บุญเลิศ Boonlert  ทองดี Thongdee  คำพันธ์ Khamphan
  สมบัติ Sombat  วีระ Weera  ธีระ Theera  อนุชา Anucha  กิตติ Kitti  ไพโรจน์ Pairoj  สุเทพ Suthep
  มานพ Manop  เกรียงไกร Kriangkrai  ชาตรี Chatri  พิชิต Phichit  ศักดิ์ชัย Sakchai  ยุทธนา Yutthana  ธนากร Thanakorn
  ณัฐพล Nattapon  อภิชาติ Aphichat  สุริยา Suriya  จักรพันธ์ Chakkraphan  วรวุฒิ Worawut  ปรีชา Preecha  บุญส่ง Boonsong
  เสถียร Sathian  สำราญ Samran  ทองคำ Thongkham  คำแพง Khamphaeng  บุญช่วย Boonchuay  ประจวบ Prachuap  สมาน Saman
  อุดม Udom  ชำนาญ Chamnan  วิโรจน์ Wiroj  สุพจน์ Suphot  ธวัชชัย Thawatchai  พงศกร Pongsakorn  ภูมิพัฒน์ Phumipat
  ศุภชัย Supachai  ธนวัฒน์ Thanawat  กฤษดา Kritsada  นพดล Noppadon  เอกชัย Ekkachai  สิทธิชัย Sitthichai  อนันต์ Anan
  บรรจง Banjong  สมบูรณ์ Somboon  สมหมาย Sommai  สมคิด Somkid  สมนึก Somnuek  สมยศ Somyot  สมเกียรติ Somkiat
  สุชาติ Suchat  สุรพล Surapon  สุวิทย์ Suwit  สุนทร Sunthorn  สุรเชษฐ์ Surachet  สุทธิพงษ์ Sutthipong  สุรศักดิ์ Surasak
  สุขสันต์ Suksan  สนั่น Sanan  สงกรานต์ Songkran  สายัณห์ Sayan  เสน่ห์ Sane  ไสว Sawai  ประสิทธิ์ Prasit
  ประสงค์ Prasong  ประสาน Prasan  ประพันธ์ Praphan  ประเทือง Prathueang  ประวิทย์ Prawit  ประยูร Prayoon  ประดิษฐ์ Pradit
  ปัญญา Panya  ปิยะ Piya  ปิยพงษ์ Piyapong  ไพบูลย์ Paiboon  ไพฑูรย์ Paitoon  ไพศาล Paisan  พิทักษ์ Pitak
  พิเชษฐ์ Pichet  พีระพงษ์ Peerapong  พงษ์ศักดิ์ Pongsak  พงษ์พัฒน์ Pongpat  พรชัย Pornchai  ภานุวัฒน์ Panuwat  ภาณุพงศ์ Panupong
  มนตรี Montri  มงคล Mongkol  ยงยุทธ Yongyut  ยุทธพงษ์ Yutthapong  รังสรรค์ Rangsan  รณชัย Ronnachai  เรืองศักดิ์ Rueangsak
  วัชระ Watchara  วัฒนา Wattana  วันชัย Wanchai  วิทยา Wittaya  วิรัตน์ Wirat  วินัย Winai  วิเชียร Wichian
  วิษณุ Witsanu  วิสุทธิ์ Wisut  วีรพงษ์ Weerapong  วีระพล Weerapol  วุฒิชัย Wutthichai  ศักดา Sakda  ศิริชัย Sirichai
  ศุภกร Suppakorn  เศรษฐา Settha  สถาพร Sathaporn  สมัย Samai  เสกสรร Seksan  อดิศักดิ์ Adisak  อดุลย์ Adul
  อนุรักษ์ Anurak  อนุสรณ์ Anuson  อภิสิทธิ์ Aphisit  อรรถพล Attapon  อำนาจ Amnat  อุทัย Uthai  เอกพล Ekkapon
  เอนก Anek  กมล Kamon  กฤษณะ Kritsana  กิตติพงษ์ Kittipong  กิตติศักดิ์ Kittisak  กิตติพัฒน์ Kittipat  เกษม Kasem
  เกียรติศักดิ์ Kiattisak  คมสัน Khomsan  คำสิงห์ Khamsing  คำปัน Khampan  คำมี Khammee  คำแสน Khamsaen  จรัญ Charan
  จำลอง Chamlong  จิรวัฒน์ Jirawat  จีรศักดิ์ Jeerasak  เจริญ Charoen  เฉลิม Chalerm  เฉลิมชัย Chalermchai  ชยพล Chayaphon
  ชัยยา Chaiya  ชัยณรงค์ Chainarong  ชาญชัย Chanchai  ชาญวิทย์ Chanwit  ชูชาติ Chuchat  ชูศักดิ์ Chusak  เชิดชัย Choetchai
  ณัฐวุฒิ Nattawut  ณัฐพงษ์ Nattapong  ณัฐวัฒน์ Nattawat  ดำรง Damrong  เดชา Decha  ถาวร Thawon  ทรงศักดิ์ Songsak
  ทวี Thawee  ทวีศักดิ์ Thaweesak  ทองใส Thongsai  ทองเหรียญ Thongrian  ทองอินทร์ Thongin  ธงชัย Thongchai  ธนพล Thanapon
  ธนกฤต Thanakrit  ธนพัฒน์ Thanapat  ธีรพงษ์ Theerapong  ธีรวัฒน์ Theerawat  ธีรศักดิ์ Theerasak  นคร Nakhon  นพพร Nopporn
  นิพนธ์ Nipon  นิคม Nikhom  นิรันดร์ Niran  บรรพต Banphot  บัญชา Bancha  บุญชัย Boonchai  บุญทัน Boontan
  บุญธรรม Boontham  บุญเรือง Boonrueang  บุญยืน Boonyuen  บุญมา Boonma  บุญเกิด Boonkoed  บุญหลาย Boonlai  บุญถม Boontom
  ปกรณ์ Pakorn  ปฏิภาณ Patiphan  ปรเมศวร์ Poramet  ปริญญา Parinya  ปวริศ Pawarit  ผดุง Phadung  พยุง Phayung
  พิสิษฐ์ Phisit  ภาคภูมิ Phakphum  ภูวดล Phuwadon  มานะ Mana  มานิตย์ Manit  เมธี Methee  ยอดชาย Yodchai
  รัฐพล Rattaphon  รุ่งโรจน์ Rungroj  ลิขิต Likhit  วสันต์ Wasan  วชิระ Wachira  วิวัฒน์ Wiwat  วิศรุต Witsarut
  วีรยุทธ Weerayut  ศรัณย์ Saran  ศราวุธ Sarawut  ศิวกร Siwakorn  สงัด Sangat  สนธยา Sonthaya  สมควร Somkhuan
  สมัคร Samak  สัญญา Sanya  สาคร Sakhon  สำเริง Samroeng  สิทธิพร Sitthiporn  สุเมธ Sumet  เสรี Seri
  อดิเรก Adirek  อนุพงษ์ Anupong  อภิชัย Aphichai  อภินันท์ Aphinan  อรุณ Arun  อัครพล Akkharaphon  อาทิตย์ Athit
  อิทธิพล Itthiphon  อุเทน Uthen  เอกสิทธิ์ Ekkasit  ไกรสร Kraisorn  กำพล Kampon  กวี Kawee  กิจจา Kitja
  ขจร Khajon  คงเดช Khongdet  คณิต Khanit  จตุพร Jatuporn  จักรกฤษณ์ Chakkrit  จักริน Jakkarin  จิรายุ Jirayu
  ชนะ Chana  ชนินทร์ Chanin  ชวลิต Chawalit  ชัชวาล Chatchawan  ชาติชาย Chatchai  ณัฐดนัย Natdanai  ดนัย Danai
  ตะวัน Tawan  ไตรรัตน์ Trairat  ทศพล Thotsaphon  ทินกร Thinnakorn  เทพ Thep  ธนิต Thanit  ธเนศ Thanet
  ธวัช Thawat  นรินทร์ Narin  นิวัฒน์ Niwat  ประจักษ์ Prachak  ประทีป Prateep  พงศธร Pongsathorn  พรเทพ Pornthep
  พัฒนา Pattana  พิพัฒน์ Pipat  มนัส Manat  รัชพล Ratchapon  รัตนชัย Rattanachai  วรพล Woraphon  วรพจน์ Woraphot
  วรากร Warakorn  วิชาญ Wichan  วิชิต Wichit  วีรชัย Weerachai  สกล Sakon  สมรักษ์ Somrak  สมโภชน์ Somphot
  สว่าง Sawang  สาโรจน์ Saroj  สุวัฒน์ Suwat  สุรินทร์ Surin  หาญณรงค์ Hannarong  อนุวัฒน์ Anuwat  อภิรักษ์ Aphirak
  อำพล Ampon  อุดมศักดิ์ Udomsak  เอกราช Ekkarat  ชาคริต Chakrit  ธีรยุทธ Theerayut  นที Nathee  ภาสกร Phasakorn
  ศุภณัฐ Suphanat  สหรัฐ Saharat  อิสระ Itsara  กรกฎ Korakot  กันต์ Kan  สมพล Sompon  ทองมา Thongma
  คำผาย Khamphai  บุญยงค์ Boonyong  บุญทอง Boonthong  บุญรอด Boonrod  บุญเสริม Boonsoem  เพชร Phet  ทองสุก Thongsuk
  คำตัน Khamtan  ทองเจริญ Thongcharoen  บุญเพ็ง Boonpheng  สำรวย Samruay  หนูเล็ก Nulek  เหลา Lao  คำเพ็ง Khampheng
  ไพรัช Pairat  จำรัส Chamrat  ชูเกียรติ Chukiat  ถนอม Thanom  ประมวล Pramuan  เพิ่ม Phoem  สมจิตร Somjit
  ณัฐกิตติ์ Natthakit  ธนภัทร Thanaphat  ภูริ Phuri  ปัณณวัฒน์ Pannawat  กิตติภูมิ Kittiphum  ศุภวิชญ์ Suppawit  พีรวิชญ์ Peerawit
  กฤตภาส Krittaphat  ธีรภัทร Theeraphat  ณภัทร Naphat  วรเมธ Woramet  ชยานันท์ Chayanan  ภัทรพล Phattharaphon  ปุณณวิช Punnawit
`);

/** Real surnames, the commoner and more typical first. */
const COMMON_SURNAMES = pairs(`
  ใจดี Jaidee  ศรีสุข Srisuk  วงศ์สวัสดิ์ Wongsawat  บุญมา Boonma  แก้วมณี Kaewmanee  สุขสวัสดิ์ Suksawat  ทองดี Thongdee
  แสงทอง Saengthong  ศรีสวัสดิ์ Srisawat  รุ่งเรือง Rungrueang  เจริญสุข Charoensuk  มีสุข Meesuk  ทองคำ Thongkham  บุญเรือง Boonrueang
  สุวรรณ Suwan  ศรีวงศ์ Sriwong  ชัยมงคล Chaimongkol  แก้วประเสริฐ Kaewprasert  สมบูรณ์ Somboon  ประเสริฐสุข Prasertsuk  พรหมมา Phromma
  จันทร์แก้ว Chankaew  ทองมา Thongma  บุญประเสริฐ Boonprasert  สุขเจริญ Sukcharoen  ศรีทอง Srithong  ศรีบุญเรือง Sriboonrueang  อินทร์แก้ว Inkaew
  พลเยี่ยม Phonyiam  พรมมา Promma  บุญยืน Boonyuen  คำมา Khamma  ศรีภูมิ Sriphum  ทองเหลือง Thongluang  ปัญญาดี Panyadee
  ใจมั่น Jaiman  ดวงดี Duangdee  ดวงแก้ว Duangkaew  วงศ์ใหญ่ Wongyai  ยอดดี Yoddee  ศรีเมือง Srimueang  เมืองแก้ว Mueangkaew
  ขำดี Khamdee  บัวแก้ว Buakaew  บัวทอง Buathong  หอมจันทร์ Homchan  เพชรรัตน์ Phetcharat  สุขประเสริฐ Sukprasert  ทองสุข Thongsuk
  มั่นคง Mankhong  อยู่สุข Yoosuk  อยู่เย็น Yooyen  สุขใจ Sukjai  นาคสวัสดิ์ Naksawat  นาคประเสริฐ Nakprasert  ปานทอง Panthong
  พึ่งบุญ Phuengboon  พุ่มพวง Phumphuang  เพ็งศรี Phengsri  ฤทธิ์เดช Rittidet  ศรีประเสริฐ Sriprasert  สายทอง Saithong  สิงห์ทอง Singthong
  สิงห์คำ Singkham  แสนสุข Saensuk  แสนคำ Saenkham  หมื่นศรี Muensri  อ่อนศรี Onsri  อินทร์ทอง Inthong  เอี่ยมสะอาด Iamsaat
  ชื่นชม Chuenchom  ชูชื่น Chuchuen  ดีประเสริฐ Deeprasert  เทพประสิทธิ์ Thepprasit  ธนากุล Thanakul  นิลสุวรรณ Nilsuwan  บุญญาศิริ Boonyasiri
  ประสิทธิ์ผล Prasitphon  พงษ์พันธ์ Phongphan  มณีวงศ์ Maneewong  รัตนวงศ์ Rattanawong  ลิ้มเจริญ Limcharoen  วัฒนากุล Wattanakul  ศักดิ์สิทธิ์ Saksit
  สมประสงค์ Somprasong  สว่างวงศ์ Sawangwong  สุวรรณศรี Suwannasri  อุดมสุข Udomsuk  จันทร์หอม Chanhom  จันทร์ดี Chandee  ทองประเสริฐ Thongprasert
  นาคแก้ว Nakkaew  พรหมวงศ์ Phromwong  มงคลชัย Mongkolchai  ทรัพย์มาก Sapmak  มีทรัพย์ Meesap  ทรัพย์สมบูรณ์ Sapsomboon  ศรีจันทร์ Srichan
  แก้วดี Kaewdee  แก้วศรี Kaewsri  ยิ้มแย้ม Yimyaem  รักษ์ไทย Rakthai  รักดี Rakdee  เรืองศรี Rueangsri  วงศ์ทอง Wongthong
  สุขสมบูรณ์ Suksomboon  ชัยศรี Chaisri  ภักดี Phakdee  ศรีภักดี Sriphakdee  โพธิ์ทอง Phothong  โพธิ์ศรี Phosri  โพธิ์แก้ว Phokaew
  กองแก้ว Kongkaew  คงสุข Khongsuk  คงทอง Khongthong  คงดี Khongdee  เกิดผล Koetphon  เกตุแก้ว Ketkaew  เกษมสุข Kasemsuk
  กิตติวงศ์ Kittiwong  ชำนาญกิจ Chamnankit  ตั้งใจ Tangjai  ตันติวงศ์ Tantiwong  ตั้งเจริญ Tangcharoen  แซ่ตั้ง Saetang  แซ่ลิ้ม Saelim
  แซ่เฮ้ง Saeheng  แซ่อึ้ง Saeung  แซ่จิว Saechiew  แซ่โค้ว Saekhow  แซ่หลี Saelee  แซ่เล้า Saelao  แซ่ตัน Saetan
  ทองมี Thongmee  อินทร์สุข Insuk  ศรีสมบูรณ์ Srisomboon  สมบัติทอง Sombatthong  ประทุมทอง Prathumthong  พวงมาลัย Phuangmalai  เพชรสุวรรณ Phetsuwan
  เพชรดี Phetdee  ดีสม Deesom  สีดา Sida  หนูแก้ว Nukaew  หนูทอง Nuthong  เนียมหอม Niamhom  ไชยวงศ์ Chaiyawong
  ไชยสิทธิ์ Chaiyasit  ไชยมงคล Chaiyamongkol  ไชยศรี Chaiyasri  ศรีไชย Srichai  บุญไชย Boonchai  ภูผา Phupha  ภูทอง Phuthong
  ผาสุข Phasuk  ปัญญาวงศ์ Panyawong  ปัญญาแก้ว Panyakaew  พลอยงาม Ploingam  งามสม Ngamsom  งามดี Ngamdee  เงินทอง Ngoenthong
  ทองงาม Thongngam  ทองเจริญ Thongcharoen  ทองใบ Thongbai  ทองอ่อน Thongon  อ่อนทอง Onthong  นามวงศ์ Namwong  คำภา Khampha
  คำหอม Khamhom  คำแสง Khamsaeng  คำดี Khamdee  คำสุข Khamsuk  คำเพ็ง Khampheng  บุตรดี Butdee  บุตรศรี Butsri
  วงศ์คำ Wongkham  ศรีสะอาด Srisaat  สุขเกษม Sukkasem  ธรรมวงศ์ Thammawong  ธรรมสุข Thammasuk  ทองแท้ Thongthae  จันทร์เรือง Chanrueang
  นิ่มนวล Nimnuan  อ่อนละมัย Onlamai  เย็นใจ Yenjai  กล้าหาญ Klahan  เข็มทอง Khemthong  ช่วยชู Chuaichu  ดอกไม้ Dokmai
  ทับทิม Thapthim  บุญชู Boonchu  ปานแก้ว Pankaew  พันธุ์ดี Phandee  มาลัยทอง Malaithong  วิเศษสุข Wisetsuk  สมหวัง Somwang
  หอมสมบัติ Homsombat  อ่ำสุข Amsuk  เจริญผล Charoenphon  ชัยชนะ Chaichana  ดีเลิศ Deelert  แดงงาม Daengngam  ทองสวัสดิ์ Thongsawat
`);

/**
 * Parts Thai surnames are built from. Since the Surname Act of 1913 families chose new,
 * auspicious compounds (ศรี + สุข, แก้ว + มณี), which is why Thai surnames are so many and so
 * rarely shared; compounding these parts gives thousands that read like real ones. Heads carry
 * the capitalised, compound-initial spelling (สุวรรณ → Suwanna-, as in สุวรรณศรี Suwannasri).
 */
const SURNAME_HEADS = pairs(`
  ศรี Sri  ทอง Thong  แก้ว Kaew  บุญ Boon  สุข Suk  ชัย Chai  วงศ์ Wong  ใจ Jai  คำ Kham  จันทร์ Chan  แสง Saeng  เพชร Phet
  มณี Manee  พร Phon  ศักดิ์ Sak  เจริญ Charoen  ประเสริฐ Prasert  สุวรรณ Suwanna  รัตน Rattana  พงษ์ Phong  อินทร์ In  นาค Nak
  เงิน Ngoen  บัว Bua  ทิพย์ Thip  พรหม Phrom  มงคล Mongkol  ไชย Chaiya  สิงห์ Sing  แสน Saen  ภู Phu  โพธิ์ Pho  ดวง Duang
  เรือง Rueang  คง Khong  อุดม Udom  วัฒน Wattana  ธน Thana  กิตติ Kitti  ปัญญา Panya  ศิริ Siri  สม Som  มั่น Man  ยอด Yod
  งาม Ngam  นิล Nin  สาย Sai  ธรรม Thamma  เกษม Kasem  หอม Hom
`);
const SURNAME_TAILS = pairs(`
  ดี Dee  มา Ma  สุข Suk  มณี Manee  สวัสดิ์ Sawat  วงศ์ Wong  ชัย Chai  ทอง Thong  ศรี Sri  เจริญ Charoen  ประเสริฐ Prasert
  พันธ์ Phan  กุล Kul  รักษ์ Rak  ศักดิ์ Sak  มงคล Mongkol  แก้ว Kaew  คำ Kham  จันทร์ Chan  เรือง Rueang  สิทธิ์ Sit  รัตน์ Rat
  พงษ์ Phong  ไพบูลย์ Phaiboon  สมบูรณ์ Somboon  ศิริ Siri  ภักดี Phakdee  งาม Ngam  เดช Det  วัฒน์ Wat  ทิพย์ Thip  บุญ Boon
  ใจ Jai  มั่น Man  หอม Hom  แสง Saeng  ประสิทธิ์ Prasit  นาค Nak  อินทร์ In  ปัญญา Panya  เย็น Yen  ธรรม Tham  ไทย Thai
  อุดม Udom  สุวรรณ Suwan  ภูมิ Phum  ยศ Yot  เกษม Kasem  ชนะ Chana  วิเศษ Wiset
`).map((tail) => ({ th: tail.th, en: tail.en.toLowerCase() }));

/**
 * Every head + tail compound except a part doubled (ศรีศรี) or one meaning the same twice
 * (ชัย + ไชย), shuffled with a fixed seed so that the Zipf ranks do not follow the order of
 * the parts (which would make every common surname start with ศรี).
 */
function compoundSurnames(taken: ReadonlySet<string>): ThaiName[] {
  const names: ThaiName[] = [];
  for (const head of SURNAME_HEADS) {
    for (const tail of SURNAME_TAILS) {
      const th = head.th + tail.th;
      const sameSound = head.en.toLowerCase().startsWith(tail.en) || tail.en.startsWith(head.en.toLowerCase());
      if (head.th === tail.th || sameSound || taken.has(th)) continue;
      names.push({ th, en: head.en + tail.en });
    }
  }
  const rng = new Rng().reset(0x5eed);
  for (let i = names.length - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    [names[i], names[j]] = [names[j]!, names[i]!];
  }
  return names;
}

export const SURNAMES: readonly ThaiName[] = [...COMMON_SURNAMES, ...compoundSurnames(new Set(COMMON_SURNAMES.map((n) => n.th)))];

/*
 * Offsets of the Zipf–Mandelbrot skew: with 300-odd first names the commonest is about 3% of
 * people and the rarest about 0.1%; with thousands of surnames the commonest is under 1%, as
 * Thai surnames are far more varied than first names.
 */
export const FEMALE_FIRST_NAME_TABLE = WeightedTable.zipf(FEMALE_FIRST_NAMES, 10);
export const MALE_FIRST_NAME_TABLE = WeightedTable.zipf(MALE_FIRST_NAMES, 10);
export const SURNAME_TABLE = WeightedTable.zipf(SURNAMES, 20);
