"""The English the FAQ index reads (`hotline.faq.english`): the hotline's domain words, question
words and ordinary words with the Vietnamese they mean, English's fillers, and the words that say
a text is English.

Written from the hotline's topics and ordinary English, not from any evaluation split.
"""

from __future__ import annotations

# Domain words and phrases, read wherever they are written (without diacritics): one a line,
# "english phrase | another = vietnamese". Longest phrases win.
DOMAIN_TEXT = """
isolate | isolation | self isolate | self isolation | quarantine | quarantined = cách ly
tested positive | test positive | testing positive | positive = dương tính
tested negative | test negative | negative = âm tính
rapid test | rapid antigen test | antigen test | quick test | rapid antigen = test nhanh
antigen = kháng nguyên
home test | self test | test at home | test kit | testing kit = test tại nhà
vaccination | vaccinated | vaccinate | get vaccinated | jab | jabs = tiêm vắc xin
booster | booster shot | booster dose | third dose | third shot = mũi nhắc lại
second dose | second shot = mũi 2
first dose | first shot = mũi 1
shot | shots | dose | doses = mũi tiêm
curfew = giờ giới nghiêm ra đường
lockdown | lockdowns | locked down | lock down | sealed off = phong tỏa
lockdown area | lockdown zone | locked down area = khu phong tỏa
health declaration | medical declaration | declare | declaration = khai báo y tế
ambulance = xe cấp cứu
emergency | emergencies = cấp cứu
hotline = tổng đài
unemployment benefit | unemployment benefits | unemployment insurance = trợ cấp thất nghiệp
unemployment | unemployed = thất nghiệp
lost my job | lost job | lose my job | laid off | fired = mất việc
social insurance = bảo hiểm xã hội
allowance | allowances | benefit | benefits | subsidy | subsidies | financial support = hỗ trợ
financial aid | aid | relief | support = hỗ trợ
rent | rental = tiền thuê nhà
fine | fined | fines | penalty | penalties | penalised | penalized = phạt
mask | masks | face mask | face masks = khẩu trang
vaccine passport | vaccine certificate | vaccination certificate = chứng nhận tiêm chủng
recovery certificate = giấy xác nhận khỏi bệnh
certificate = giấy chứng nhận
travel permit | travel pass | movement permit | travel paper | travel papers = giấy đi đường
supermarket | supermarkets = siêu thị
market | markets | wet market = chợ
shop | shops | store | stores | grocery = cửa hàng
delivery | deliveries | deliver | courier = giao hàng
travel | traveling | travelling = đi lại
another province | other provinces | other province | interprovincial = tỉnh khác
province | provinces = tỉnh
hometown = quê
hanoi = hà nội
close contact | close contacts = tiếp xúc gần
symptom | symptoms = triệu chứng
fever = sốt
cough | coughing = ho
shortness of breath | difficulty breathing | can't breathe | cannot breathe = khó thở
breathe | breathing = thở
oxygen = oxy
hospital | hospitals = bệnh viện
medicine | medicines | medication | medications | drugs = thuốc
medicine pack | medicine kit | medicine bag = túi thuốc
home treatment | treatment at home | treated at home = điều trị tại nhà
treatment = điều trị
doctor | doctors = bác sĩ
children | child | kids | kid = trẻ em
elderly | old people | senior citizens = người cao tuổi
gathering | gatherings | gather = tụ tập
food | groceries = thực phẩm
rice = gạo
worker | workers | employee | employees = công nhân
freelance | freelancer | self employed | informal worker | street vendor = lao động tự do
household business | small business = hộ kinh doanh
public transport | bus | buses = xe buýt
zone | zones = vùng
ministry of health = bộ y tế
directive = chỉ thị
resolution = nghị quyết
regulation | regulations | rule | rules = quy định
covid | coronavirus | covid19 | corona = covid
market pass | market voucher | market ticket | shopping pass = phiếu đi chợ
shopping help | grocery help | shop for me | buy food for me = đi chợ hộ
quarantine completion certificate | completion certificate = giấy hoàn thành cách ly
qr code = mã qr
risk level | risk levels | epidemic level | covid level = cấp độ dịch
red zone = vùng đỏ
orange zone = vùng cam
yellow zone = vùng vàng
green zone = vùng xanh
anonymous | anonymously | confidential | privacy | kept secret = bí mật
identity = danh tính
rent support | rent assistance | rental support = hỗ trợ tiền thuê nhà
unpaid leave = nghỉ không lương
suspended contract | contract suspended | suspend my contract = tạm hoãn hợp đồng
work stoppage | work suspended = ngừng việc
terminated | contract terminated | termination = chấm dứt hợp đồng
lottery ticket seller | lottery seller = bán vé số
motorbike taxi = xe ôm
side effect | side effects | reaction | reactions = phản ứng sau tiêm
warning signs | danger signs = dấu hiệu nguy hiểm
spread | spreading | infect | transmit = lây
papers | documents = giấy tờ
contract | contracts | labour contract | labor contract = hợp đồng lao động
suspend | suspended = tạm hoãn
accurate | accuracy | reliable = chính xác
difference | differences | different | differ | difference between = khác nhau
what is the difference | what's the difference | what are the differences = khác nhau thế nào
next step | next steps = làm gì tiếp
patient | patients = người bệnh
recover | recovered | recovering | recovery = khỏi bệnh
factory | factories | company | companies = công ty
spo2 reading | oxygen level = chỉ số spo2
"""

# Question words, ordinary words and the English words Vietnamese borrows ("vaccine", which the
# FAQ writes too: the synonym table reads it there), read only in a text that reads as English.
GENERAL_TEXT = """
how many days | how many day = bao nhiêu ngày
how many = bao nhiêu
vaccine | vaccines = vắc xin
how much = bao nhiêu tiền
how long = bao lâu
what time = mấy giờ
where | where can i | where do i | where should i = ở đâu
when = khi
when can | when should | when do | when does | when will | when is | when are = khi nào
who | whom = ai
which = nào
how | how do i | how can i | how to = thế nào
what is | what are | what's = gì
what does | what do | what = gì
lose | lost = mất
end | ends | finish | finished = kết thúc
got covid | have covid | caught covid | infected | get infected | got infected = mắc covid
government | authorities = nhà nước
family = gia đình
mother | mom | mum = mẹ
father | dad = bố
parents = bố mẹ
wife = vợ
husband = chồng
son | daughter = con
grandmother | grandma = bà
grandfather | grandpa = ông
friend | friends = bạn
neighbour | neighbor | neighbours | neighbors = hàng xóm
near | nearby | near me | close to = gần
tested | testing | get tested = xét nghiệm
ask | asks | asking = hỏi
between = giữa
mean | means | meaning = là gì
do i need | do i need to | do we need | is it necessary | necessary | need | needed = cần
have to | has to | must | required | mandatory | should i | should = phải
can | can i | may i | can we | allowed | permitted | able to = được
is there still | are there still | still = còn
not | no | don't | doesn't | didn't | isn't | aren't | can't | cannot | without = không
or = hay
if = nếu
after = sau
before = trước
from = từ
day | days = ngày
week | weeks = tuần
hour | hours = giờ
free | free of charge = miễn phí
pay | cost | costs | fee | fees | charge = mất tiền
number | phone number = số điện thoại
call = gọi
contact = liên hệ
phone = điện thoại
app | application = ứng dụng
register | registration | sign up = đăng ký
apply | application form = làm thủ tục
report = phản ánh
go out | going out | leave the house | outside = ra ngoài
open | opened = mở cửa
closed = đóng cửa
normal = bình thường
low = thấp
wear | wearing | wears | worn = đeo
result | results = kết quả
move | moving = di chuyển
message = thông điệp
what to do | what should i do = làm gì tiếp
home = nhà
job = việc làm
work = đi làm
money = tiền
"""

# English's fillers, dropped in a text that reads as English.
FILLERS: frozenset[str] = frozenset(
    """
    i i'm im me my mine we our us you your he his she her they their it it's its the a an to of
    in on at for with by about is are am was were be been being do does did have has had will
    would could this that these those there here please hi hello so and any some just now also
    get got one ones more most very really thanks thank ok okay yes hey dear sir madam i've
    then than still as up out into make use using only can't
    """.split()
)

# Words no Vietnamese text uses that say a text is English: two of them are enough. A text
# without diacritics is English too when its English words that cannot be Vietnamese syllables
# ("vaccine", "travel"; not "can", "my", "to": cần, Mỹ, tờ typed bare) are at least
# `english.ENGLISH_RATIO` times its words that can only be Vietnamese ("khong", "roi", "di").
MARKERS: frozenset[str] = frozenset(
    """
    how what where when which who why is are does did have has should could would will you your
    the there this with from for of and i'm can't don't please many much long need or by only
    any whether anyone i've i'd get got want near about been was were am they them their
    what's isn't aren't doesn't it's that's some
    """.split()
)
