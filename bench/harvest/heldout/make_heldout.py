#!/usr/bin/env python3
"""Writes the HELD-OUT PII corpus (heldout.txt) once. Frozen: the detectors are never tuned on it.
Its templates, name lists and address formats are written independently of the development corpus and of the
detectors' lexicon sources (Bogus); names are romanized from many nationalities, plus CJK script.
One sample per line; [[type:value]] marks an entity (\\n inside a line = a line break in the sample)."""
import random, string
r = random.Random(20261203)

GIVEN = ["Yuki","Aiko","Hiroshi","Kenji","Sakura","Takumi","Priya","Arjun","Ananya","Rohan","Kavya","Vikram","Chidi",
 "Ngozi","Oluwaseun","Amara","Kwame","Abena","Thandiwe","Sipho","Dmitri","Svetlana","Oksana","Bogdan","Zoltán","Erzsébet",
 "Gábor","Ilona","Sigrid","Björn","Astrid","Leif","Eero","Aino","Mehmet","Ayşe","Emre","Zeynep","Farid","Leila","Omar",
 "Fatima","Linh","Minh","Thao","Wei","Xiu","Mei","Seo-yeon","Min-jun","Ji-woo","Tariq","Nadia","Rafael","Inês","Joaquim",
 "Siobhan","Eoin","Niamh","Aoife","Tadhg","Kalani","Moana","Mateus","Oyelaran","Bongani","Lwazi","Ivo","Radka","Jarmila",
 "Teodora","Miroslav","Katalin","Ferenc","Ingrid","Sven","Halvard","Solveig","Kirsi","Juha","Anh","Duc","Huong","Rahul",
 "Deepika","Sanjay","Meera","Ibrahim","Yusuf","Amina","Zainab","Hamid","Goran","Vesna","Dragan","Mirela","Shira","Avi"]
FAMILY = ["Tanaka","Watanabe","Yamamoto","Nakamura","Kobayashi","Raman","Iyer","Chatterjee","Banerjee","Reddy","Okafor",
 "Eze","Adeyemi","Mensah","Owusu","Dlamini","Ndlovu","Volkov","Petrov","Ivanova","Shevchenko","Kovalenko","Horváth","Nagy",
 "Szabó","Lindqvist","Johansson","Virtanen","Mäkinen","Yılmaz","Demir","Kaya","Haddad","Khalil","Nasser","Tran","Pham",
 "Nguyen","Zhang","Wang","Liu","Chen","Kim","Park","Choi","Achterberg","Vandenberg","Papadopoulos","Rahimi","Karimi",
 "Mahlangu","Novák","Dvořák","Kowalczyk","Wiśniewska","Popescu","Ionescu","Georgiou","Haugen","Bakker","Hakimi","Okonjo",
 "Balogun","Mbeki","Takahashi","Suzuki","Krishnan","Pillai","Mukherjee","Castellanos","Quispe","Mamani","Halvorsen"]
CJK = ["田中太郎","王小明","김민준","李娜","佐藤花子","陈静","이서연","張偉","鈴木一郎","刘洋"]
HONOR = ["Mr.","Ms.","Mrs.","Dr.","Prof.","Herr","Frau","Mme","Señora","Sig."]

def person(lower=False):
    k = r.random()
    if k < 0.08: return r.choice(CJK)
    n = r.choice(GIVEN) + " " + r.choice(FAMILY)
    if k < 0.18: n = r.choice(GIVEN) + " " + r.choice(GIVEN) + " " + r.choice(FAMILY)
    return n.lower() if lower else n

STREETS_EN = ["Maple Avenue","Harbour Road","Elm Street","Kingsway","Victoria Parade","Queen Street West","Ocean Drive","Cedar Lane","Station Road","Church Street","Marine Parade","Collins Street","George Street"]
CITIES_EN = [("London","SW1A 2AA","United Kingdom"),("Manchester","M1 4BT","UK"),("Toronto, ON","M5V 2T6","Canada"),("Sydney NSW","2000","Australia"),("Seattle, WA","98101","USA"),("Dublin 2","D02 X285","Ireland"),("Auckland","1010","New Zealand")]
def address():
    k = r.random(); n = r.randint(1, 999)
    if k < 0.25:
        return f"{n} {r.choice(STREETS_EN)}" + (f", Apt {r.randint(1,40)}" if r.random()<0.4 else "")
    if k < 0.4:
        return f"{r.choice(['Unit','Flat','Suite'])} {r.randint(1,30)}, {n} {r.choice(STREETS_EN)}, {r.choice(CITIES_EN)[0]}"
    if k < 0.55:
        s = r.choice(["Lindenstraße","Am Stadtpark","Bergstraße","Keizersgracht","Vesterbrogade","Storgatan","Mannerheimintie","Kärntner Straße","Ulica Długa","Rue Sainte-Catherine"])
        pc = r.choice(["10115 Berlin","1017 AB Amsterdam","1620 København V","111 52 Stockholm","00100 Helsinki","1010 Wien","80-831 Gdańsk"])
        return f"{s} {r.randint(1,120)}, {pc}"
    if k < 0.7:
        s = r.choice(["Calle de Alcalá","Via del Corso","Rua Augusta","Avenida Paulista","Carrera 7","Avenue Louise","Boulevard Haussmann"])
        return f"{s} {r.randint(1,400)}" + r.choice(["",", 3º B",", 28014 Madrid",", 00186 Roma",", 1100-053 Lisboa"])
    if k < 0.85:
        st, city = r.choice([("Herengracht","1015 BS Amsterdam\\nNetherlands"),("Oxford Road","Manchester M13 9PL\\nUnited Kingdom"),("Nørrebrogade","2200 København N\\nDenmark"),("Rue de Rivoli","75001 Paris\\nFrance")])
        return f"{n} {st}\\n{city}" if r.random()<0.5 else f"{st} {n}\\n{city}"
    return f"{r.randint(1,9)}-{r.randint(1,30)}-{r.randint(1,20)} {r.choice(['Shibuya','Minato','Chuo'])}, Tokyo {r.randint(100,199)}-{r.randint(1000,9999)}, Japan" if r.random()<0.5 else f"{n} {r.choice(['Jalan Sudirman','Orchard Road','Nathan Road','MG Road'])}, {r.choice(['Jakarta 10220','Singapore 238859','Kowloon, Hong Kong','Bengaluru 560001'])}"

def digits(k): return "".join(r.choice(string.digits) for _ in range(k))
def phone():
    forms = [lambda: f"+44 7{r.randint(400,999)} {digits(6)}", lambda: f"07{r.randint(400,999)} {digits(3)} {digits(3)}",
     lambda: f"+1 {r.choice(['212','415','646','312','617','206'])}-{r.randint(200,999)}-{digits(4)}", lambda: f"({r.choice(['303','512','718'])}) {r.randint(200,999)}-{digits(4)}",
     lambda: f"+49 {r.choice(['151','160','170','176'])} {digits(8)}", lambda: f"030 {digits(8)}", lambda: f"+33 {r.choice(['6','7'])} {digits(2)} {digits(2)} {digits(2)} {digits(2)}",
     lambda: f"+34 6{digits(2)} {digits(3)} {digits(3)}", lambda: f"+39 3{digits(2)} {digits(3)} {digits(4)}", lambda: f"+81 90-{digits(4)}-{digits(4)}",
     lambda: f"+91 9{digits(4)} {digits(5)}", lambda: f"+61 4{digits(2)} {digits(3)} {digits(3)}", lambda: f"(02) 9{digits(3)} {digits(4)}",
     lambda: f"+55 11 9{digits(4)}-{digits(4)}", lambda: f"+31 6 {digits(8)}", lambda: f"+46 70 {digits(3)} {digits(2)} {digits(2)}",
     lambda: f"+48 {r.choice(['501','601','691'])} {digits(3)} {digits(3)}", lambda: f"+27 82 {digits(3)} {digits(4)}", lambda: f"+234 803 {digits(3)} {digits(4)}",
     lambda: f"+82 10-{digits(4)}-{digits(4)}", lambda: f"+86 138 {digits(4)} {digits(4)}", lambda: f"0{r.choice(['6','7'])}{digits(8)}",
     lambda: f"+353 87 {digits(3)} {digits(4)}", lambda: f"+41 79 {digits(3)} {digits(2)} {digits(2)}", lambda: f"{r.choice(['415','646'])}.{r.randint(200,999)}.{digits(4)}"]
    return r.choice(forms)()

def luhn_complete(prefix, length):
    body = prefix + digits(length - len(prefix) - 1)
    s = 0
    for i, d in enumerate(reversed(body)):
        v = int(d)
        if i % 2 == 0: v *= 2; v -= 9 if v > 9 else 0
        s += v
    return body + str((10 - s % 10) % 10)
def card():
    p, l = r.choice([("4",16),("51",16),("55",16),("2221",16),("34",15),("37",15),("6011",16),("35",16),("4",19),("62",16)])
    c = luhn_complete(p, l)
    sep = r.choice([" ","-",""," ","-"])
    if l == 15: return f"{c[:4]}{sep}{c[4:10]}{sep}{c[10:]}"
    return sep.join(c[i:i+4] for i in range(0, l, 4))

IBAN_BBAN = {"DE":(18,"n"),"FR":(23,"fr"),"ES":(20,"n"),"IT":(23,"it"),"NL":(14,"nl"),"GB":(18,"gb"),"BE":(12,"n"),"AT":(16,"n"),"CH":(17,"n"),"PL":(24,"n"),"SE":(20,"n"),"IE":(18,"gb"),"PT":(21,"n"),"NO":(11,"n"),"DK":(14,"n"),"FI":(14,"n"),"HU":(24,"n"),"RO":(20,"ro")}
def iban():
    c, (l, kind) = r.choice(list(IBAN_BBAN.items()))
    if kind == "nl": b = "".join(r.choice(string.ascii_uppercase) for _ in range(4)) + digits(10)
    elif kind == "gb": b = "".join(r.choice(string.ascii_uppercase) for _ in range(4)) + digits(14)
    elif kind == "ro": b = "".join(r.choice(string.ascii_uppercase) for _ in range(4)) + digits(16)
    elif kind == "it": b = r.choice(string.ascii_uppercase) + digits(22)
    else: b = digits(l)
    num = "".join(str(int(ch, 36)) for ch in b + c + "00")
    iban = f"{c}{98 - int(num) % 97:02d}{b}"
    f = r.random()
    if f < 0.35: iban = " ".join(iban[i:i+4] for i in range(0, len(iban), 4))
    if 0.6 < f < 0.8: iban = iban.lower()
    if 0.8 <= f: iban = " ".join(iban[i:i+4] for i in range(0, len(iban), 4)).lower()
    return iban

DOMAINS = ["gmail.com","outlook.de","yahoo.co.jp","proton.me","web.de","orange.fr","libero.it","mail.ru","naver.com","company.co.za"]
def email():
    u = r.choice(GIVEN).lower().replace("ş","s").replace("é","e").replace("á","a").replace("ö","o").replace("ä","a").replace("ê","e").replace("ô","o") + r.choice([".","_",""]) + r.choice(FAMILY).lower().encode("ascii","ignore").decode() + r.choice(["","7","1988","42"])
    return f"{u}@{r.choice(DOMAINS)}"

E = lambda t, v: f"[[{t}:{v}]]"
P = lambda: E("person-name", person())
TEMPLATES = [
 lambda: f"I want to update my shipping address to {E('street-address', address())} please.",
 lambda: f"Please send the package to {P()} at {E('street-address', address())}.",
 lambda: f"{P()}'s phone number is {E('phone', phone())}",
 lambda: f"You can reach {P()} on {E('phone', phone())} or by mail at {E('email', email())}.",
 lambda: f"My credit card {E('payment-card', card())} has expired, can I replace it?",
 lambda: f"The charge on card number {E('payment-card', card())} appeared twice this month.",
 lambda: f"Kindly wire the deposit to {E('iban', iban())} before Friday.",
 lambda: f"account holder {P()}, iban {E('iban', iban())}",
 lambda: f"Hi, I'm {P()} and I placed order #{r.randint(100000,999999)} last week.",
 lambda: f"Hello, this is {P()} from accounting.",
 lambda: f"my name is {E('person-name', person(lower=True))} and i never got the parcel",
 lambda: f"Guten Tag, ich bin {P()}, meine Telefonnummer ist {E('phone', phone())}.",
 lambda: f"Je m'appelle {P()} et j'habite {E('street-address', address())}.",
 lambda: f"Me llamo {P()}, mi correo es {E('email', email())}.",
 lambda: f"Mi chiamo {P()} e il mio numero è {E('phone', phone())}.",
 lambda: f"Dear {r.choice(HONOR)} {E('person-name', r.choice(FAMILY))}, your refund has been approved.",
 lambda: f"Best regards,\\n{P()}\\n{E('phone', phone())}",
 lambda: f"Ship to:\\n{P()}\\n{E('street-address', address())}",
 lambda: f"{P()} called about the delayed delivery and left {E('phone', phone())} as a callback number.",
 lambda: f"Our customer {P()} lives at {E('street-address', address())} and pays with {E('payment-card', card())}.",
 lambda: f"User: {P()}\\nEmail: {E('email', email())}\\nPhone: {E('phone', phone())}",
 lambda: f"Contact {E('email', email())} for the invoice copy.",
 lambda: f"The manager, {P()}, approved the exception yesterday.",
 lambda: f"I spoke with {P()} on the phone and she promised a refund.",
 lambda: f"Send the receipt to {E('email', email())} and cc {P()}.",
 lambda: f"Name: {P()} / Tel: {E('phone', phone())} / Address: {E('street-address', address())}",
 lambda: f"Refund IBAN: {E('iban', iban())} (holder {P()})",
 lambda: f"{E('person-name', r.choice(CJK))}様、ご注文ありがとうございます。",
 lambda: f"Please cancel the subscription for {P()}, card ending {r.randint(1000,9999)}.",
 lambda: f"The technician {P()} will visit {E('street-address', address())} on Tuesday.",
]
NEG = ["Order ORD-2026-{n} shipped via DHL on 2026-11-{d:02d}.", "Your SKU-{n}-BLK is back in stock.",
 "I'm fine, thanks for asking.", "I'm in Berlin until Monday.", "This is Amazon Prime Video support.", "Dear Customer, your order is on its way.",
 "Name: Premium Plan", "Hi Team, the invoice INV-{n} is attached.", "Version 3.12.4 fixed the crash on iOS 17.2.",
 "The total was 1,249.99 EUR for 3 items.", "Tracking number 1Z{n}{n} is not found.", "I am Very disappointed with the service.",
 "Thanks, Support Team", "We shipped it to Paris and then to Madrid.", "Call us at the store any time.",
 "My name is on the account already.", "This is Samsung Galaxy S24 Ultra, 256 GB.", "The Apple Watch Series 9 arrived broken.",
 "Ticket #{n} was escalated to Tier 2.", "Meeting room 4B, floor 12, building C.", "Hello World app crashes on start.",
 "I am Happy with the replacement.", "Regards, The Billing Department", "Flight LH{d}{d} lands at 14:35 in Frankfurt.",
 "Discount code SPRING{d} gives 15% off.", "Ich bin Kunde seit 2019.", "Je suis très déçu de la livraison.", "Soy cliente desde hace años.",
 "Request id 7f3a9c2e-{n} failed with HTTP 502.", "The Kindle Paperwhite and the Echo Dot were both late.",
 "Customer tier: gold, region: EU-West", "I am Writing to complain about the delay.", "Visit our London store on Oxford Street.",
 "Invoice total 4,580.00; due in 30 days.", "Please call me back tomorrow morning.", "Model gpt-4o-mini returned 512 tokens."]

lines = []
for i in range(1200):
    lines.append(r.choice(TEMPLATES)())
for i in range(300):
    lines.append(r.choice(NEG).format(n=r.randint(10000, 99999), d=r.randint(1, 28)))
r.shuffle(lines)
with open("bench/harvest/heldout/heldout.txt", "w", encoding="utf-8") as f:
    f.write("# HELD-OUT corpus: generated once by make_heldout.py (seed 20261203) and frozen. Never tune detectors on it.\n")
    f.write("\n".join(lines) + "\n")
print(len(lines))
