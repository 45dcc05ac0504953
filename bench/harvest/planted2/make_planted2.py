#!/usr/bin/env python3
"""Second planted harvest, HELD OUT (issue 13, session 4): written and frozen BEFORE the session-4 detector changes,
never run while tuning them (bench/harvest/planted, the first generator, became the development set that session).

It shares nothing with bench/harvest/planted or dev/: other styles (chat with no capitals, e-mails with signature blocks,
voice-call transcripts, ticket forms), names hand-written from nationalities Bogus carries no list for (Amharic,
Somali, Mongolian, Kazakh, Filipino, Malay, Thai, Khmer, Samoan, Tongan, Fijian, Maori, Hawaiian, Basque, Icelandic,
Albanian, Armenian, Sinhala, Tamil, Bengali, Pashto, Welsh, Malagasy, Greenlandic, Quechua/Aymara, romanized
Korean/Japanese/Chinese), names with particles (binti, bin, al-, van der, de la, dos) and hyphens, other address,
phone and order-id formats. Values ride in the fields session 3 did not cover: GenAI log records (the official
instrumentation's events) instead of span attributes for half the sessions, resource attributes, span events, a
gen_ai.evaluation.result explanation, and tool arguments/results.

Usage: make_planted2.py OUT_DIR [--sessions 200] [--seed 4242]
Writes OUT_DIR/traces.jsonl, feedback.jsonl, planted.tsv (session, kind, field, value) and orders.txt (benign ids).
"""
import argparse, json, os, random, string, unicodedata

# (given, family) hand-written; particles are kept in the family part where the culture uses them.
NAMES = [
    ("Tigist", "Haile"), ("Abebe", "Girma"), ("Selamawit", "Tesfaye"), ("Hodan", "Warsame"), ("Abdirahman", "Farah"),
    ("Batbayar", "Gantulga"), ("Oyunchimeg", "Dorjsuren"), ("Aigerim", "Nurlanovna"), ("Yerzhan", "Dauletov"),
    ("Maricel", "Dimaculangan"), ("Jericho", "Bautista"), ("Nurul Aisyah", "binti Rahman"), ("Faizal", "bin Othman"),
    ("Somchai", "Wongsawat"), ("Pimchanok", "Srisuk"), ("Sokha", "Chea"), ("Vannak", "Sok"), ("Sefo", "Tuilagi"),
    ("Siosaia", "Fifita"), ("Litia", "Naivalu"), ("Aroha", "Ngata"), ("Wiremu", "Tamihana"), ("Keoni", "Kahananui"),
    ("Iñaki", "Etxeberria"), ("Amaia", "Goikoetxea"), ("Sigríður", "Jónsdóttir"), ("Guðmundur", "Þórsson"),
    ("Arbër", "Krasniqi"), ("Drita", "Berisha"), ("Anahit", "Petrosyan"), ("Tigran", "Hovhannisyan"),
    ("Dilani", "Wickramasinghe"), ("Kasun", "Jayawardena"), ("Karthikeyan", "Subramaniam"), ("Meenakshi", "Sundaram"),
    ("Tanvir", "Chowdhury"), ("Nusrat", "Jahan"), ("Zarghona", "Yousafzai"), ("Wahidullah", "Stanekzai"),
    ("Rhiannon", "Pryce"), ("Gethin", "Llewelyn"), ("Rivo", "Rakotomalala"), ("Haingo", "Andrianarisoa"),
    ("Aqqaluk", "Lynge"), ("Wayra", "Quispe Mamani"), ("Ji-woo", "Baek"), ("Seo-yeon", "Hwang"), ("Haruto", "Shimizu"),
    ("Xiaoming", "Guo"), ("Khaled", "al-Amiri"), ("Pieter", "van der Westhuizen"), ("Ximena", "de la Fuente"),
    ("Jean-Baptiste", "Nkurunziza"), ("Thulani", "Dlamini-Khoza"), ("Kauri", "Te Whata"), ("Mahbooba", "Sultani"),
]
PARTICLES = {"bin", "binti", "al", "van", "der", "de", "la", "dos", "te"}
CITIES_OK = ["Reykjavík", "Ulaanbaatar", "Auckland", "Kuala Lumpur", "Cebu", "Yerevan"]  # places, not people: may stay


def fold(s):
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower().replace(" ", "").replace("-", "")


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def d(self, k):
        return "".join(self.r.choice(string.digits) for _ in range(k))

    def order(self):
        return f"NW-{self.r.randint(1000, 9999)}-{self.r.choice('KXQZ')}{self.r.choice('ABCDE')}"

    def address(self):
        r, n = self.r, self.r.randint(3, 299)
        return r.choice([f"{n} Ponsonby Road, Grey Lynn, Auckland 1021", f"Laugavegur {n}, 101 Reykjavík",
                         f"Calle Ayacucho {n}, Cochabamba", f"{n} Jalan Ampang, 50450 Kuala Lumpur", f"Unit {n} Osmeña Boulevard, Cebu City 6000",
                         f"Mesrop Mashtots Ave {n}, Yerevan 0002", f"{n} Bole Road, Addis Ababa", f"Rruga Agim Ramadani {n}, Prishtinë 10000",
                         f"{n} Sukhumvit Soi 11, Khlong Toei, Bangkok 10110", f"Peace Avenue {n}, Ulaanbaatar 14200"])

    def phone(self):
        r, d = self.r, self.d
        return r.choice([f"+64 21 {d(3)} {d(4)}", f"+354 {d(3)} {d(4)}", f"+63 917 {d(3)} {d(4)}", f"+251 91 {d(3)} {d(4)}",
                         f"+976 {d(4)} {d(4)}", f"+60 12-{d(3)} {d(4)}", f"+66 81 {d(3)} {d(4)}", f"+374 {d(2)} {d(6)}",
                         f"+94 77 {d(3)} {d(4)}", f"+880 1711-{d(6)}", f"021 {d(3)} {d(4)}"])

    def card(self):
        prefix, length = self.r.choice([("4", 16), ("53", 16), ("37", 15), ("6011", 16)])
        body = prefix + self.d(length - len(prefix) - 1)
        total = 0
        for i, c in enumerate(reversed(body)):
            v = int(c) * (2 if i % 2 == 0 else 1)
            total += v - 9 if v > 9 else v
        digits = body + str((10 - total % 10) % 10)
        return self.r.choice([" ", "-", "", "  "]).join(digits[i:i + 4] for i in range(0, length, 4))

    def iban(self):
        c, b = self.r.choice([("IS", self.d(22)), ("AL", self.d(8) + "ABCD" + self.d(12)), ("XK", self.d(16)), ("MT", "MALT" + self.d(5) + "0000000" + self.d(11)),
                              ("FI", self.d(14)), ("LT", self.d(16)), ("EE", self.d(16))])
        num = "".join(str(int(ch, 36)) for ch in b + c + "00")
        v = f"{c}{98 - int(num) % 97:02d}{b}"
        return self.r.choice([v, " ".join(v[i:i + 4] for i in range(0, len(v), 4)), v.lower()])

    def email(self, given, family):
        g, f = fold(given), fold(family.split()[-1])
        local = self.r.choice([f"{g}.{f}", f"{g}{f[:3]}{self.d(2)}", f"{f}_{g[0]}"])
        dom = self.r.choice(["gmail.com", "hotmail.co.nz", "mail.ru", "yahoo.com.ph", "simnet.is", "icloud.com"])
        return local, self.r.choice([f"{local}@{dom}", f"{local} (at) {dom}", f"{local} AT {dom.replace('.', ' DOT ')}"])


def message(g, style, given, family, shown, order, contact_line):
    r = g.r
    if style == "chat":
        return r.choice([f"yo its {shown.lower()} again, {order} never showed up", f"hey this is {shown.lower()} - where's my stuff ({order})",
                         f"{shown.lower()} here. {order} is wrong size lol", f"hiya, name's {given.lower()}, order {order} pls help"]) + ("\n" + contact_line if contact_line else "")
    if style == "email":
        body = r.choice([f"Subject: Order {order} arrived damaged\n\nGood afternoon,\n\nThe parcel for {order} came crushed.",
                         f"Subject: Re: {order}\n\nTo whom it may concern,\n\nI am still waiting for a refund on {order}."])
        return body + ("\n" + contact_line if contact_line else "") + f"\n\nWarm wishes,\n{shown}\nProcurement Lead, Tasman Freight Ltd"
    if style == "voice":
        return (f"[call transcript] AGENT: Northwind, how can I help? CALLER: yeah hi, um, it's {shown}, {given} {family}, "
                f"about {order}. AGENT: could you spell the last name? CALLER: sure. " + (contact_line or "that's all."))
    return f"Ticket form\nRequester: {shown}\nReference: {order}\nDetails: item missing" + ("\n" + contact_line if contact_line else "")


def session(g, i):
    r = g.r
    sid = f"conv-{i:05d}"
    given, family = r.choice(NAMES)
    full = f"{given} {family}"
    order = g.order()
    style = r.choice(["chat", "email", "voice", "form"])
    plants = [("person-name", f"{style}-message", full)]
    kind = r.choice(["street-address", "phone", "email", "payment-card", "iban"])
    if kind == "street-address": value = contact = g.address()
    elif kind == "phone": value = contact = g.phone()
    elif kind == "payment-card": value = contact = g.card()
    elif kind == "iban": value = contact = g.iban()
    else: value, contact = g.email(given, family)
    where = r.choice(["message", "message", "tool-args", "tool-result", "resource", "span-event", "evaluation"])
    line = {"street-address": f"new address: {contact}", "phone": f"reach me on {contact}", "email": f"my email is {contact}",
            "payment-card": f"the card ending was {contact}", "iban": f"please refund to {contact}"}[kind]
    user = message(g, style, given, family, full, order, line if where == "message" else "")
    assistant = r.choice([f"Sorry about that, {given}. I have opened a trace on {order}.", f"Kia ora {given}, checking {order} now.",
                          f"Thank you Ms. {family.split()[-1]}, the courier has been asked about {order}.", "Let me check the tracking."])
    if given in assistant or family.split()[-1] in assistant: plants.append(("person-name", "assistant", full))
    user2 = r.choice([f"also cc my colleague {r.choice(NAMES)[0]} on this", f"{r.choice(CITIES_OK)} office is closed today btw", "ok thanks"])
    if "colleague" in user2: plants.append(("person-name", "second-message", user2.split("colleague ")[1].split(" on")[0]))
    args = {"order_ref": order}
    result = {"order_ref": order, "state": r.choice(["in_transit", "returned", "held_at_customs"])}
    if r.random() < 0.4: result["consignee"] = full; plants.append(("person-name", "tool-result", full))
    if r.random() < 0.2: args[fold(given) + "_" + fold(family.split()[-1])] = True; plants.append(("person-name", "tool-args-key", full))
    if where == "tool-args": args["contact"] = contact
    if where == "tool-result": result["contact"] = contact
    plants.append((kind, where, value))
    resource = {"service.name": "northwind-agent", "host.name": f"{fold(given)}-macbook" if r.random() < 0.3 else "agent-7"}
    if resource["host.name"] != "agent-7": plants.append(("person-name", "resource-host", given))
    if where == "resource": resource["enduser.contact"] = contact
    event = f"escalated by {full}" if r.random() < 0.2 else "retry"
    if event != "retry": plants.append(("person-name", "span-event", full))
    if where == "span-event": event = f"customer contact {contact}"
    explanation = f"agent never answered {given}" if where == "evaluation" else "answer was off-topic"
    if where == "evaluation": explanation = f"{given} gave {contact} twice and it was ignored"
    comment = r.choice([f"{given.lower()} {family.split()[-1].lower()} complained again", "did not fix anything",
                        f"caller {full} hung up", "slow"])
    if given.lower() in comment.lower(): plants.append(("person-name", "feedback-comment", full))
    title_user = user
    return sid, order, style, title_user, assistant, user2, args, result, resource, event, explanation, comment, plants


def a(k, v):
    return {"key": k, "value": {"intValue": str(v)} if isinstance(v, int) else {"stringValue": v}}


def otlp(i, sid, style, user, assistant, user2, args, result, resource, event, explanation):
    trace = f"{i + 7:032x}"
    start = 1_790_000_000_000_000_000 + i * 90_000_000_000
    res = {"attributes": [a(k, v) for k, v in resource.items()]}

    def span(n, parent, name, attrs, off, events=None):
        s = {"traceId": trace, "spanId": f"{i + 7:08x}{n:08x}", "name": name, "kind": 1, "startTimeUnixNano": str(start + off),
             "endTimeUnixNano": str(start + off + 700_000_000), "attributes": attrs, "status": {}}
        if parent: s["parentSpanId"] = f"{i + 7:08x}{parent:08x}"
        if events: s["events"] = events
        return s
    msgs = [{"role": "user", "content": user}, {"role": "assistant", "content": assistant}, {"role": "user", "content": user2}]
    as_logs = i % 2 == 0
    chat_attrs = [a("gen_ai.operation.name", "chat"), a("gen_ai.request.model", "gpt-4.1-mini"), a("gen_ai.usage.input_tokens", 310), a("gen_ai.usage.output_tokens", 45)]
    if not as_logs: chat_attrs.append(a("gen_ai.input.messages", json.dumps(msgs, ensure_ascii=False)))
    spans = [span(1, None, "invoke_agent northwind", [a("gen_ai.conversation.id", sid), a("customer.tier", "standard")], 0,
                  [{"timeUnixNano": str(start + 5), "name": "agent.note", "attributes": [a("note", event)]}]),
             span(2, 1, "chat gpt-4.1-mini", chat_attrs, 10),
             span(3, 1, "execute_tool track_parcel", [a("gen_ai.operation.name", "execute_tool"), a("gen_ai.tool.name", "track_parcel"),
                                                     a("gen_ai.tool.call.arguments", json.dumps(args, ensure_ascii=False)),
                                                     a("gen_ai.tool.call.result", json.dumps(result, ensure_ascii=False))], 20)]
    lines = [{"resourceSpans": [{"resource": res, "scopeSpans": [{"scope": {"name": "northwind.agent"}, "spans": spans}]}]}]
    records = []
    span2 = f"{i + 7:08x}{2:08x}"

    def rec(name, body, attrs=None, off=12):
        r = {"timeUnixNano": str(start + off), "traceId": trace, "spanId": span2, "eventName": name, "attributes": attrs or []}
        if body is not None: r["body"] = {"kvlistValue": {"values": [{"key": k, "value": {"stringValue": v}} for k, v in body.items()]}}
        return r
    if as_logs:
        records += [rec("gen_ai.user.message", {"content": user}), rec("gen_ai.assistant.message", {"content": assistant}),
                    rec("gen_ai.user.message", {"content": user2})]
    records.append(rec("gen_ai.evaluation.result", None, [a("gen_ai.evaluation.name", "helpfulness"), a("gen_ai.evaluation.score.label", "fail"),
                                                         a("gen_ai.evaluation.explanation", explanation)], 30))
    lines.append({"resourceLogs": [{"resource": res, "scopeLogs": [{"scope": {"name": "opentelemetry.instrumentation.openai_v2"}, "logRecords": records}]}]})
    return lines


def main():
    p = argparse.ArgumentParser()
    p.add_argument("out"); p.add_argument("--sessions", type=int, default=200); p.add_argument("--seed", type=int, default=4242)
    o = p.parse_args()
    os.makedirs(o.out, exist_ok=True)
    g = Gen(o.seed)
    with open(os.path.join(o.out, "traces.jsonl"), "w", encoding="utf-8") as t, open(os.path.join(o.out, "feedback.jsonl"), "w", encoding="utf-8") as f, \
            open(os.path.join(o.out, "planted.tsv"), "w", encoding="utf-8") as pl, open(os.path.join(o.out, "orders.txt"), "w", encoding="utf-8") as orders:
        seen = set()
        for i in range(o.sessions):
            sid, order, style, user, assistant, user2, args, result, resource, event, explanation, comment, plants = session(g, i)
            for line in otlp(i, sid, style, user, assistant, user2, args, result, resource, event, explanation):
                t.write(json.dumps(line, ensure_ascii=False) + "\n")
            f.write(json.dumps({"session_id": sid, "rating": "thumbs_down", "comment": comment, "timestamp": "2026-09-14T16:20:00Z"}, ensure_ascii=False) + "\n")
            orders.write(order + "\n")
            for kind, field, value in plants:
                if (sid, kind, value) in seen: continue
                seen.add((sid, kind, value))
                pl.write(f"{sid}\t{kind}\t{field}\t{value}\n")


if __name__ == "__main__":
    main()
