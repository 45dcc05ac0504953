#!/usr/bin/env python3
"""Writes the DEVELOPMENT PII corpus (dev.txt) the detectors are tuned on. Its templates and names differ from the
held-out corpus (bench/harvest/heldout): tune here, only report there."""
import random, string
r = random.Random(7)
GIVEN = ["Emma","Lukas","Chloé","Mateo","Giulia","Sanne","Zofia","Hannah","Oliver","Noah","Ines","Pedro","Akira","Haruka",
 "Ravi","Sunita","Adaeze","Kofi","Nomvula","Pavel","Natalia","Tamás","Réka","Freya","Magnus","Ville","Onur","Elif","Karim",
 "Yasmin","Quang","Lan","Jie","Hana","Ji-ho","Bilal","Sara","Lucía","Tomás","Ciarán","Saoirse","Keanu","Mirela","Jovan"]
FAMILY = ["Müller","Dubois","García","Rossi","Jansen","Nowak","Smith","Fischer","Silva","Sato","Ito","Sharma","Gupta",
 "Nwosu","Boateng","Zulu","Sokolov","Kuznetsova","Tóth","Kiss","Nilsson","Korhonen","Öztürk","Arslan","Mansour","Hussein",
 "Vu","Hoang","Li","Huang","Lee","Jung","Qureshi","Ortega","Ramírez","Murphy","Kelly","Kahale","Stoica","Petrović"]
CJK = ["山田太郎","高橋美咲","张伟","박지훈","黄丽","中村健"]
def person(lower=False):
    if r.random() < 0.08: return r.choice(CJK)
    n = r.choice(GIVEN) + " " + r.choice(FAMILY)
    return n.lower() if lower else n
def d(k): return "".join(r.choice(string.digits) for _ in range(k))
def address():
    return r.choice([f"{r.randint(1,999)} Baker Street", f"{r.randint(1,99)} Rose Avenue, Apt {r.randint(1,20)}",
     f"Hauptstraße {r.randint(1,99)}, 10117 Berlin", f"Prinsengracht {r.randint(1,500)}\\n1016 GV Amsterdam\\nNetherlands",
     f"{r.randint(1,99)} rue de la Paix, 75002 Paris", f"Calle Mayor {r.randint(1,80)}, 2º izq, 28013 Madrid",
     f"Via Roma {r.randint(1,200)}, 20121 Milano", f"Flat {r.randint(1,9)}, {r.randint(1,99)} High Street\\nLeeds LS1 4AP\\nUK",
     f"Drottninggatan {r.randint(1,99)}, 111 51 Stockholm", f"{r.randint(100,9999)} Sunset Boulevard, Los Angeles, CA 90028",
     f"ul. Marszałkowska {r.randint(1,150)}/{r.randint(1,40)}, 00-624 Warszawa", f"Rua das Flores {r.randint(1,300)}, 4050-265 Porto",
     f"{r.randint(1,9)}-{r.randint(1,9)}-{r.randint(1,9)} Ginza, Chuo-ku, Tokyo 104-0061", f"{r.randint(1,200)} Bourke Street, Melbourne VIC 3000, Australia"])
def phone():
    return r.choice([f"+44 20 7{d(3)} {d(4)}", f"+1 ({r.choice(['202','303','404'])}) {r.randint(200,999)}-{d(4)}", f"+49 89 {d(7)}",
     f"+33 1 {d(2)} {d(2)} {d(2)} {d(2)}", f"06 {d(2)} {d(2)} {d(2)} {d(2)}", f"+39 06 {d(8)}", f"+81 3-{d(4)}-{d(4)}",
     f"+91 98{d(3)} {d(5)}", f"+61 2 {d(4)} {d(4)}", f"0412 {d(3)} {d(3)}", f"+55 21 9{d(4)}-{d(4)}", f"+358 40 {d(7)}",
     f"+90 532 {d(3)} {d(2)} {d(2)}", f"+971 50 {d(3)} {d(4)}", f"+52 55 {d(4)} {d(4)}", f"0176 {d(8)}", f"+420 601 {d(3)} {d(3)}"])
def luhn(prefix, length):
    body = prefix + d(length - len(prefix) - 1); s = 0
    for i, c in enumerate(reversed(body)):
        v = int(c) * (2 if i % 2 == 0 else 1); s += v - 9 if v > 9 else v
    return body + str((10 - s % 10) % 10)
def card():
    p, l = r.choice([("4",16),("52",16),("37",15),("6011",16),("36",14),("2720",16)])
    c = luhn(p, l); sep = r.choice([" ", "-", ""])
    return sep.join(c[i:i+4] for i in range(0, l, 4))
def iban():
    c, b = r.choice([("DE", d(18)), ("NL", "ABNA" + d(10)), ("FR", d(23)), ("ES", d(20)), ("BE", d(12)), ("CZ", d(20)), ("LT", d(16))])
    num = "".join(str(int(ch, 36)) for ch in b + c + "00"); v = f"{c}{98 - int(num) % 97:02d}{b}"
    f = r.random()
    if f < 0.4: v = " ".join(v[i:i+4] for i in range(0, len(v), 4))
    if f > 0.7: v = v.lower()
    return v
def email():
    u = r.choice(GIVEN).lower().encode("ascii", "ignore").decode() + "." + r.choice(FAMILY).lower().encode("ascii", "ignore").decode()
    dom = r.choice(["example.com", "mailbox.org", "gmx.de", "free.fr", "icloud.com"])
    return r.choice([f"{u}@{dom}", f"{u} [at] {dom.replace('.', ' [dot] ')}", f"{u} at {dom.replace('.', ' dot ')}", f"{u}(at){dom.replace('.', '(dot)')}"])
E = lambda t, v: f"[[{t}:{v}]]"
P = lambda: E("person-name", person())
T = [lambda: f"Hey, {P()} here, my parcel never came.", lambda: f"This is {P()}, calling about invoice 8812.",
 lambda: f"I am {P()} and my number is {E('phone', phone())}.", lambda: f"hi its {E('person-name', person(True))}, order 5521 is missing",
 lambda: f"name is {E('person-name', person(True))}", lambda: f"Mein Name ist {P()}, ich wohne in der {E('street-address', address())}.",
 lambda: f"Adresse de livraison : {E('street-address', address())}", lambda: f"Deliver to {P()}, {E('street-address', address())}",
 lambda: f"Billing address:\\n{E('street-address', address())}", lambda: f"Tel. {E('phone', phone())}", lambda: f"whatsapp me {E('phone', phone())}",
 lambda: f"Card: {E('payment-card', card())} exp 09/28", lambda: f"charge {E('payment-card', card())} again", lambda: f"IBAN {E('iban', iban())}",
 lambda: f"bank account {E('iban', iban())} please", lambda: f"email {E('email', email())}", lambda: f"write to {E('email', email())} thanks",
 lambda: f"Sincerely,\\n{P()}", lambda: f"Kind regards, {P()}", lambda: f"Mrs. {E('person-name', r.choice(FAMILY))} asked for a callback.",
 lambda: f"{P()} (customer since 2019) wants a refund.", lambda: f"Ich heiße {P()}.", lambda: f"Soy {P()} y vivo en {E('street-address', address())}.",
 lambda: f"Sono {P()}, chiamatemi al {E('phone', phone())}.", lambda: f"{E('person-name', r.choice(CJK))}です。よろしくお願いします。",
 lambda: f"Recipient: {P()}\\n{E('street-address', address())}", lambda: f"Thanks {P()} for the help!"]
NEG = ["Order A-{n} was delayed.", "I'm sure the box was damaged.", "This is Google Pixel 8 support.", "Hi there, any update?",
 "My name is not important.", "Name: Gold Membership", "Dear Sir or Madam,", "Returned via UPS, ref 1Z{n}.", "Tokyo and Osaka stores are open.",
 "I am Angry about this.", "Thanks, Customer Care", "SKU {n}-RED size M", "Update to build 2026.11.{d}", "Total: 89.90 EUR, VAT 19%",
 "The Samsung TV and the Sony headphones", "Room 12, Gate B{d}", "Ich bin enttäuscht.", "Je suis client.", "PO-{n}-{d} approved"]
lines = [r.choice(T)() for _ in range(700)] + [r.choice(NEG).format(n=r.randint(10000, 99999), d=r.randint(1, 28)) for _ in range(200)]
r.shuffle(lines)
open("bench/harvest/dev/dev.txt", "w", encoding="utf-8").write("# DEVELOPMENT corpus (make_dev.py, seed 7): tune detectors here.\n" + "\n".join(lines) + "\n")
