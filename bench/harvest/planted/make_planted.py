#!/usr/bin/env python3
"""Writes a synthetic HARVEST with planted PII (issue 13: "300 traced sessions, 358 planted values").

HELD OUT from the detectors: its names, addresses, phone formats and sentence templates were written for this file
and share none with bench/harvest/dev (the set the detectors were tuned on); the held-out scan corpus
(bench/harvest/heldout) was not opened to write it. The issue's own examples (Yuki Achterberg, Dmitri Lindqvist,
Herengracht) are left out on purpose: the field-walk test already uses them.

Every session is thumbs-downed so every session is a harvest candidate. Values are planted in every field a trace and
its feedback can carry: user and assistant messages, tool arguments and results (as JSON values AND as JSON keys),
the tool span name, customer.tier and app attributes, resource attributes, feedback comment and category.
Benign order ids (A-12345) ride along: the cases need them, so they must survive.

Usage: make_planted.py OUT_DIR [--sessions 300] [--seed 1313]
Writes OUT_DIR/traces.jsonl (one OTLP TracesData per line), OUT_DIR/feedback.jsonl, OUT_DIR/planted.tsv
(session, kind, field, value) and OUT_DIR/orders.txt (the benign ids).
"""
import argparse, json, os, random, string, unicodedata

GIVEN = ["Aoife", "Bartosz", "Chiamaka", "Dagny", "Eero", "Farida", "Gökhan", "Hiroshi", "Ifeoma", "Jarosław", "Kalani",
         "Leilani", "Mbali", "Nnamdi", "Oksana", "Radhika", "Siddharth", "Thandiwe", "Ulla", "Vikram", "Wanjiru",
         "Yevgenia", "Zoltán", "Anneliese", "Bjørn", "Cosmin", "Dilnoza", "Esperanza", "Florin", "Gunnhild", "Hamza",
         "Jasmeet", "Kwame", "Marisol", "Nkechi", "Orsolya", "Parisa", "Rasmus", "Svetlana", "Tendai", "Valtteri",
         "Wiktoria", "Yerlan", "Zainab", "Mei-Ling", "Takumi", "Sung-min", "Oluwaseun", "Anahí", "Björk"]
FAMILY = ["Okonkwo", "Szymańska", "Haugland", "Virtanen", "Demirci", "Matsumoto", "Adeyemi", "Wiśniewski", "Raghunathan",
          "Mahlangu", "Kowalczyk", "Fonseca", "Bergström", "Popescu", "Nakagawa", "Chukwu", "Brennan", "Lindahl",
          "Horváth", "Kaur", "Mwangi", "Ferreira", "Sørensen", "Iyer", "Castellanos", "Tkachenko", "Osei", "Eriksen",
          "Balogun", "Kapoor", "Halvorsen", "Nyambura", "Baptiste", "Grünewald", "Ostrowski", "Abubakar", "Delacroix",
          "Quispe", "Mendelsohn", "Zhakupov", "Achebe", "Valdivia", "Johannsen", "Rautio", "Teodorescu"]
CJK = ["佐々木陽菜", "王秀英", "김민준", "劉德明", "松本蓮"]
TOOLS = ["lookup_order", "get_shipment", "issue_refund", "update_address", "create_ticket"]


def fold(s):
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower().replace(" ", "").replace("-", "")


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def d(self, k):
        return "".join(self.r.choice(string.digits) for _ in range(k))

    def order(self):
        return f"A-{self.r.randint(10000, 99999)}"

    def address(self):
        r, n = self.r, self.r.randint(2, 480)
        return r.choice([f"{n} Elm Grove, Bristol BS8 1TH", f"Kungsgatan {n}, 411 19 Göteborg", f"Avenida Paulista {n}, São Paulo",
                         f"{n} Rue Sainte-Catherine, Montréal QC H2X 1L4", f"Østerbrogade {n}, 2100 København Ø",
                         f"Mariahilfer Straße {n}, 1060 Wien", f"{n} Queen Street West, Toronto ON M5H 2M9",
                         f"ul. Długa {n}, 80-827 Gdańsk", f"{n} Brigade Road, Bengaluru 560001", f"{n} Ngong Road, Nairobi",
                         f"Keizersgracht {n}, 1015 CJ Amsterdam", f"{n} Collins Street, Melbourne VIC 3000"])

    def phone(self):
        r, d = self.r, self.d
        return r.choice([f"+31 6 {d(8)}", f"+47 {d(3)} {d(2)} {d(3)}", f"+46 70-{d(3)} {d(2)} {d(2)}", f"+353 87 {d(3)} {d(4)}",
                         f"(415) {r.randint(200, 999)}-{d(4)}", f"+234 803 {d(3)} {d(4)}", f"+254 712 {d(6)}",
                         f"+82 10-{d(4)}-{d(4)}", f"+48 {r.randint(500, 799)} {d(3)} {d(3)}", f"+43 660 {d(7)}"])

    def card(self):
        prefix, length = self.r.choice([("4", 16), ("51", 16), ("34", 15), ("6011", 16), ("2221", 16)])
        body = prefix + self.d(length - len(prefix) - 1)
        total = 0
        for i, c in enumerate(reversed(body)):
            v = int(c) * (2 if i % 2 == 0 else 1)
            total += v - 9 if v > 9 else v
        digits = body + str((10 - total % 10) % 10)
        sep = self.r.choice([" ", "-", ""])
        return sep.join(digits[i:i + 4] for i in range(0, length, 4))

    def iban(self):
        c, b = self.r.choice([("GB", "NWBK" + self.d(14)), ("NO", self.d(11)), ("DK", self.d(14)), ("AT", self.d(16)),
                              ("IE", "AIBK" + self.d(14)), ("PL", self.d(24)), ("PT", self.d(21)), ("SE", self.d(20))])
        num = "".join(str(int(ch, 36)) for ch in b + c + "00")
        v = f"{c}{98 - int(num) % 97:02d}{b}"
        f = self.r.random()
        if f < 0.45: v = " ".join(v[i:i + 4] for i in range(0, len(v), 4))
        if f > 0.75: v = v.lower()
        return v

    def email(self, given, family):
        u = self.r.choice([f"{fold(given)}.{fold(family)}", f"{fold(given)[0]}{fold(family)}", f"{fold(family)}{self.d(2)}"])
        dom = self.r.choice(["posteo.de", "outlook.com", "proton.me", "yahoo.co.jp", "web.de", "fastmail.fm"])
        return u, dom, self.r.choice([f"{u}@{dom}", f"{u}@{dom}", f"{u} at {dom.replace('.', ' dot ')}", f"{u} [at] {dom.replace('.', ' [dot] ')}"])


def session(g, i):
    r = g.r
    sid = f"sess-planted-{i:04d}"
    cjk = r.random() < 0.05
    given, family = r.choice(GIVEN), r.choice(FAMILY)
    name = r.choice(CJK) if cjk else f"{given} {family}"
    order = g.order()
    plants = [("person-name", "message", name)]
    shown = name.lower() if r.random() < 0.15 else name
    user1 = r.choice([
        f"Hello, {shown} speaking — my package {order} still hasn't arrived.",
        f"Good morning! You're chatting with {shown}. Where is {order}?",
        f"{shown} from accounting. We were double charged on {order}.",
        f"Ich heiße {shown} und warte seit Tagen auf {order}.",
        f"Je suis {shown}, ma commande {order} est en retard.",
        f"Soy {shown}; el pedido {order} llegó roto.",
        f"Order {order} — regards,\n{shown}",
        f"Customer {shown} disputes the charge on {order}.",
        f"Hi there, it's {shown} again about {order}.",
    ])
    msgs = [{"role": "system", "content": "You are the support agent for Northwind Outfitters."}, {"role": "user", "content": user1}]
    # One contact item per session, planted in a field chosen at random.
    kind = r.choice(["street-address", "phone", "email", "payment-card", "iban"])
    if kind == "street-address": value = g.address(); contact = value
    elif kind == "phone": value = g.phone(); contact = value
    elif kind == "payment-card": value = g.card(); contact = value
    elif kind == "iban": value = g.iban(); contact = value
    else:
        local, dom, contact = g.email(given, family)
        value = local  # the local part carries the person; any spelling of it surviving is a leak
    where = r.choice(["message", "message", "tool-args", "tool-result", "tool-result-key", "feedback-comment", "span-name" if kind == "email" else "message"])
    user2 = r.choice({
        "street-address": [f"I moved to {contact} last month, please update it.", f"Send the replacement to {name}, {contact}."],
        "phone": [f"call me back at {contact}", f"my mobile is {contact}, text me"],
        "email": [f"Contact: {contact}", f"you can reach me via {contact}"],
        "payment-card": [f"my card {contact} was charged twice", f"refund the {contact} card please"],
        "iban": [f"refund to {contact} please", f"account for the refund: {contact}"],
    }[kind]) if where == "message" else f"Any news on {order}?"
    msgs.append({"role": "assistant", "content": r.choice([f"Thanks {given}, let me check {order}." if not cjk else f"Let me check {order}.", "Let me look that up."])})
    if not cjk and "Thanks" in msgs[-1]["content"]: plants.append(("person-name", "assistant", given + " " + family))
    msgs.append({"role": "user", "content": user2})
    tool = r.choice(TOOLS)
    args = {"order_id": order}
    result = {"order_id": order, "status": r.choice(["delayed", "lost", "delivered"])}
    if r.random() < 0.4: args["customer_name"] = name
    if r.random() < 0.2: result[name] = "vip"; plants.append(("person-name", "tool-result-key", name))
    if where == "tool-args": args["contact"] = contact
    if where == "tool-result": result["contact"] = contact
    if where == "tool-result-key": result[contact] = True
    span_tool = f"send_invoice_to_{contact}" if where == "span-name" else tool
    plants.append((kind, where, value))
    tier = name if r.random() < 0.05 else r.choice(["gold", "silver", "free"])
    if tier == name: plants.append(("person-name", "customer.tier", name))
    owner = None
    if r.random() < 0.05:
        _, _, owner = g.email(given, family); plants.append(("email", "resource", owner.split("@")[0].split(" ")[0]))
    comment = r.choice([f"{name} is still waiting, terrible", "useless answer", "bot ignored the question", f"{given} says nobody called"])
    if where == "feedback-comment": comment = f"customer asked us to use {contact}"
    if name in comment or given in comment: plants.append(("person-name", "feedback-comment", name if name in comment else given + " " + family))
    category = r.choice(["wrong_answer", "late_delivery", "rude"]) if r.random() > 0.05 else f"escalate to {name}"
    if name in category: plants.append(("person-name", "feedback-category", name))
    return sid, order, msgs, span_tool, args, result, tier, owner, comment, category, plants


def otlp(sid, i, msgs, span_tool, args, result, tier, owner):
    trace = f"{i:032x}"
    start = 1_782_640_000_000_000_000 + i * 60_000_000_000

    def a(k, v):
        return {"key": k, "value": {"intValue": str(v)} if isinstance(v, int) else {"stringValue": v}}

    def span(sid_, parent, name, attrs, off):
        s = {"traceId": trace, "spanId": f"{i:08x}{sid_:08x}", "name": name, "kind": 1,
             "startTimeUnixNano": str(start + off), "endTimeUnixNano": str(start + off + 900_000_000), "attributes": attrs, "status": {}}
        if parent: s["parentSpanId"] = f"{i:08x}{parent:08x}"
        return s
    spans = [
        span(1, None, "support.conversation", [a("gen_ai.conversation.id", sid), a("customer.tier", tier), a("app.prompt.hash", "p-7f3a")], 0),
        span(2, 1, "chat gpt-4o-mini", [a("gen_ai.operation.name", "chat"), a("gen_ai.request.model", "gpt-4o-mini"),
                                          a("gen_ai.usage.input_tokens", 420), a("gen_ai.usage.output_tokens", 60),
                                          a("gen_ai.input.messages", json.dumps(msgs, ensure_ascii=False))], 10),
        span(3, 1, f"execute_tool {span_tool}", [a("gen_ai.operation.name", "execute_tool"), a("gen_ai.tool.name", span_tool),
                                                 a("gen_ai.tool.call.arguments", json.dumps(args, ensure_ascii=False)),
                                                 a("gen_ai.tool.call.result", json.dumps(result, ensure_ascii=False))], 20),
    ]
    resource = [a("service.name", "support-agent")] + ([a("app.owner", owner)] if owner else [])
    return {"resourceSpans": [{"resource": {"attributes": resource}, "scopeSpans": [{"scope": {"name": "northwind"}, "spans": spans}]}]}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("--sessions", type=int, default=300)
    p.add_argument("--seed", type=int, default=1313)
    o = p.parse_args()
    os.makedirs(o.out, exist_ok=True)
    g = Gen(o.seed)
    with open(os.path.join(o.out, "traces.jsonl"), "w", encoding="utf-8") as t, \
            open(os.path.join(o.out, "feedback.jsonl"), "w", encoding="utf-8") as f, \
            open(os.path.join(o.out, "planted.tsv"), "w", encoding="utf-8") as pl, \
            open(os.path.join(o.out, "orders.txt"), "w", encoding="utf-8") as orders:
        seen = set()
        for i in range(o.sessions):
            sid, order, msgs, span_tool, args, result, tier, owner, comment, category, plants = session(g, i)
            t.write(json.dumps(otlp(sid, i, msgs, span_tool, args, result, tier, owner), ensure_ascii=False) + "\n")
            f.write(json.dumps({"session_id": sid, "rating": "down", "category": category, "comment": comment,
                                "timestamp": "2026-06-28T09:03:00Z"}, ensure_ascii=False) + "\n")
            orders.write(order + "\n")
            for kind, field, value in plants:
                if (sid, kind, value) in seen: continue
                seen.add((sid, kind, value))
                pl.write(f"{sid}\t{kind}\t{field}\t{value.replace(chr(10), ' ')}\n")


if __name__ == "__main__":
    main()
