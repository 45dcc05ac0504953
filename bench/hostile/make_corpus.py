#!/usr/bin/env python3
"""Writes bench/hostile/corpus/: small hostile inputs, committed so a run is reproducible. Large ones (huge scalars,
deep nesting, alias bombs) are written too, but stay small on disk because they are generated from a short pattern.
Run once after editing; run.py reads the folder."""
import gzip, json, os, random

HERE = os.path.dirname(os.path.abspath(__file__))
C = os.path.join(HERE, "corpus")

GOOD_CASE = """id: {id}
title: Customer asks where a shipped order is
tags: [orders]
severity: P1
status: active
input:
  messages:
    - {{role: user, content: "Where is my order A-1001?"}}
expect:
  - {{type: contains, value: "A-1001"}}
"""


def write(rel, data):
    path = os.path.join(C, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def case(name, body):
    write(f"cases/{name}.yaml", body)


def cases():
    case("empty", b"")
    case("whitespace-only", "   \n\n\t\n")
    case("comment-only", "# nothing here\n")
    case("bom", b"\xef\xbb\xbf" + GOOD_CASE.format(id="bom").encode())
    case("crlf", GOOD_CASE.format(id="crlf").replace("\n", "\r\n"))
    case("bom-crlf", b"\xef\xbb\xbf" + GOOD_CASE.format(id="bom-crlf").replace("\n", "\r\n").encode())
    case("tabs", GOOD_CASE.format(id="tabs").replace("  - {role", "\t- {role"))
    case("duplicate-keys", GOOD_CASE.format(id="duplicate-keys") + "title: second title\n")
    case("duplicate-keys-nested", GOOD_CASE.format(id="duplicate-keys-nested").replace(
        '{type: contains, value: "A-1001"}', '{type: contains, value: "A-1001", value: "B"}'))
    bomb = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        bomb += f"{cur}: &{cur} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
    case("alias-bomb", "id: alias-bomb\ntitle: t\n" + bomb + "input: {messages: [{role: user, content: hi}]}\nexpect: [{type: contains, value: x}]\n")
    case("alias-bomb-in-field", "id: alias-bomb-in-field\ntitle: t\ninput:\n  vars:\n" +
         "".join("    " + line + "\n" for line in bomb.splitlines()) +
         "  messages: [{role: user, content: hi}]\nexpect: [{type: contains, value: x}]\n")
    case("alias-undefined", "id: alias-undefined\ntitle: *nothing\ninput: {messages: [{role: user, content: hi}]}\nexpect: [{type: contains, value: x}]\n")
    case("alias-recursive", "id: alias-recursive\ntitle: t\nloop: &x [*x]\ninput: {messages: [{role: user, content: hi}]}\nexpect: [{type: contains, value: x}]\n")
    case("merge-key", "id: merge-key\nbase: &b {title: t, status: active}\n<<: *b\ninput: {messages: [{role: user, content: hi}]}\nexpect: [{type: contains, value: x}]\n")
    case("deep-flow-nesting", "id: deep-flow-nesting\ntitle: t\ninput:\n  vars: {x: " + "[" * 20000 + "]" * 20000 + "}\n  messages: [{role: user, content: hi}]\nexpect: [{type: contains, value: x}]\n")
    case("deep-block-nesting", "id: deep-block-nesting\ntitle: t\ninput:\n  vars:\n" +
         "".join(" " * (4 + i) + f"k{i}:\n" for i in range(300)) + "  messages: [{role: user, content: hi}]\nexpect: [{type: contains, value: x}]\n")
    case("deep-flow-map-nesting", "id: deep-flow-map-nesting\ntitle: t\ninput: {messages: [{role: user, content: hi}], vars: " + "{a: " * 5000 + "1" + "}" * 5000 + "}\nexpect: [{type: contains, value: x}]\n")
    case("huge-scalar-over-limit", GOOD_CASE.format(id="huge-scalar-over-limit").replace("Where is my order A-1001?", "x" * (2 * 1024 * 1024)))
    case("large-scalar-under-limit", GOOD_CASE.format(id="large-scalar-under-limit").replace("Where is my order A-1001?", "y" * 900_000))
    case("long-key", "id: long-key\ntitle: t\n" + "k" * 200_000 + ": 1\ninput: {messages: [{role: user, content: hi}]}\nexpect: [{type: contains, value: x}]\n")
    case("non-utf8-latin1", GOOD_CASE.format(id="non-utf8-latin1").encode().replace(b"Where is", b"O\xf9 est"))
    case("non-utf8-lone-continuation", GOOD_CASE.format(id="non-utf8-lone-continuation").encode().replace(b"order", b"ord\x80\xbfer"))
    case("utf16-le", "\ufeff".encode("utf-16-le") + GOOD_CASE.format(id="utf16-le").encode("utf-16-le"))
    case("nul-bytes", GOOD_CASE.format(id="nul-bytes").replace("shipped order", "ship\x00ped order"))
    rnd = random.Random(7)
    case("binary-random", bytes(rnd.randrange(256) for _ in range(4096)))
    case("binary-png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    case("gzip", gzip.compress(GOOD_CASE.format(id="gzip").encode(), mtime=0))
    case("top-level-list", "- id: top-level-list\n- title: t\n")
    case("top-level-scalar", "just a string\n")
    case("top-level-null", "~\n")
    case("multi-document", GOOD_CASE.format(id="multi-document") + "---\n" + GOOD_CASE.format(id="multi-document-2"))
    case("unclosed-quote", GOOD_CASE.format(id="unclosed-quote").replace('"Where is my order A-1001?"', '"Where is my order'))
    case("unclosed-flow", GOOD_CASE.format(id="unclosed-flow").replace('{type: contains, value: "A-1001"}', '{type: contains, value: "A-1001"'))
    case("bad-indent", GOOD_CASE.format(id="bad-indent").replace("  messages:", "      messages:\n   oops: 1"))
    case("custom-tag", GOOD_CASE.format(id="custom-tag").replace("title: Customer", "title: !!python/object:os.system Customer"))
    case("unknown-tag", GOOD_CASE.format(id="unknown-tag").replace("severity: P1", "severity: !evil P1"))
    case("binary-tag", GOOD_CASE.format(id="binary-tag").replace("title: Customer asks where a shipped order is", "title: !!binary aGVsbG8="))
    case("id-mismatch", GOOD_CASE.format(id="not-the-file-name"))
    case("id-path-traversal", GOOD_CASE.format(id="../../etc/passwd"))
    case("id-with-newline", GOOD_CASE.format(id='"line\\nbreak"'))
    case("null-fields", "id: null-fields\ntitle: ~\ntags: ~\nseverity: ~\nstatus: ~\ninput: ~\nexpect: ~\n")
    wrong = {
        "wrong-type-id": ("id: wrong-type-id", "id: [wrong-type-id]"),
        "wrong-type-title": ("title: Customer asks where a shipped order is", "title: {a: 1}"),
        "wrong-type-tags": ("tags: [orders]", "tags: {orders: 1}"),
        "wrong-type-severity": ("severity: P1", "severity: P9"),
        "wrong-type-severity-list": ("severity: P1", "severity: [P1]"),
        "wrong-type-status": ("status: active", "status: done"),
        "wrong-type-input": ("input:\n  messages:\n    - {role: user, content: \"Where is my order A-1001?\"}", "input: hello"),
        "wrong-type-messages": ("    - {role: user, content: \"Where is my order A-1001?\"}", "    hello: 1"),
        "wrong-type-role": ("role: user", "role: 5"),
        "wrong-type-role-unknown": ("role: user", "role: overlord"),
        "wrong-type-content": ('content: "Where is my order A-1001?"', "content: {a: [1, 2]}"),
        "wrong-type-expect": ('expect:\n  - {type: contains, value: "A-1001"}', "expect: {type: contains}"),
        "wrong-type-assertion": ('- {type: contains, value: "A-1001"}', "- just a string"),
        "wrong-type-assertion-type": ('{type: contains, value: "A-1001"}', '{type: [contains], value: "A-1001"}'),
        "unknown-assertion-type": ('{type: contains, value: "A-1001"}', '{type: contanes, value: "A-1001"}'),
        "assertion-missing-value": ('{type: contains, value: "A-1001"}', "{type: contains}"),
        "assertion-value-map": ('{type: contains, value: "A-1001"}', "{type: contains, value: {a: 1}}"),
        "max-latency-string": ('{type: contains, value: "A-1001"}', "{type: max-latency-ms, value: fast}"),
        "max-latency-negative": ('{type: contains, value: "A-1001"}', "{type: max-latency-ms, value: -5}"),
        "max-latency-huge": ('{type: contains, value: "A-1001"}', "{type: max-latency-ms, value: 1e400}"),
        "max-latency-nan": ('{type: contains, value: "A-1001"}', "{type: max-latency-ms, value: .nan}"),
        "regex-bad": ('{type: contains, value: "A-1001"}', '{type: regex, pattern: "(unclosed"}'),
        "regex-catastrophic": ('{type: contains, value: "A-1001"}', '{type: regex, pattern: "^(a+)+$", timeout-ms: 100000000}'),
        "json-schema-bad": ('{type: contains, value: "A-1001"}', "{type: json-schema, schema: {type: 7}}"),
        "javascript-syntax": ('{type: contains, value: "A-1001"}', '{type: javascript, value: "return ((("}'),
        "rouge-threshold-out-of-range": ('{type: contains, value: "A-1001"}', '{type: rouge-l, value: "x", threshold: 7}'),
        "unknown-top-field": ("severity: P1", "severity: P1\nseverty: P2"),
        "unknown-assertion-field": ('{type: contains, value: "A-1001"}', '{type: contains, value: "A-1001", valu: "x"}'),
        "consistency-k-negative": ("severity: P1", "severity: P1\nconsistency: {k: -3, min-agreement: 2}"),
        "consistency-k-huge": ("severity: P1", "severity: P1\nconsistency: {k: 99999999999999999999}"),
        "consistency-k-string": ("severity: P1", "severity: P1\nconsistency: {k: many}"),
        "created-not-a-date": ("severity: P1", "severity: P1\ncreated: yesterday-ish"),
        "tools-not-list": ("severity: P1", "severity: P1") + ("",) if False else ("input:\n", "input:\n  tools: get_order_status\n"),
        "tool-no-name": ("input:\n", "input:\n  tools: [{description: x}]\n"),
        "turns-wrong": ("input:\n", "input:\n  turns: [{user: {a: 1}, expect: 5}]\n"),
        "simulated-user-wrong": ("input:\n", "input:\n  simulated-user: {max-turns: -1, persona: [x]}\n"),
        "response-format-wrong": ("input:\n", "input:\n  response-format: {type: json_schema, schema: 5}\n"),
    }
    for name, (old, new) in wrong.items():
        body = GOOD_CASE.format(id=name)
        assert old in body, name
        case(name, body.replace(old, new, 1))


def config(name, body):
    write(f"config/{name}.yaml", body)


GOOD_CONFIG = """providers:
  replay: {type: replay, cassettes: cassettes}
candidates:
  prod: {model: gpt-4.1-mini, provider: replay}
baseline: prod
run: {k: 3, concurrency: 4, timeout-s: 60, retries: 2}
"""


def configs():
    config("empty", b"")
    config("binary", bytes(random.Random(3).randrange(256) for _ in range(2048)))
    config("bom-crlf", b"\xef\xbb\xbf" + GOOD_CONFIG.replace("\n", "\r\n").encode())
    config("top-level-list", "- providers\n- candidates\n")
    config("tabs", GOOD_CONFIG.replace("  replay:", "\treplay:"))
    config("duplicate-keys", GOOD_CONFIG + "baseline: other\n")
    bomb = "".join(f"x{i}: &x{i} [" + ", ".join([f"*x{i-1}"] * 9) + "]\n" if i else "x0: &x0 [a, a, a, a, a, a, a, a, a]\n" for i in range(10))
    config("alias-bomb", GOOD_CONFIG + "extra:\n" + "".join("  " + l + "\n" for l in bomb.splitlines()))
    config("deep-nesting", GOOD_CONFIG + "pricing: " + "[" * 20000 + "]" * 20000 + "\n")
    config("non-utf8", GOOD_CONFIG.encode().replace(b"gpt-4.1-mini", b"gpt-\xe9"))
    config("providers-list", GOOD_CONFIG.replace("providers:\n  replay: {type: replay, cassettes: cassettes}", "providers: [replay]"))
    config("candidates-string", GOOD_CONFIG.replace("candidates:\n  prod: {model: gpt-4.1-mini, provider: replay}", "candidates: prod"))
    config("provider-type-unknown", GOOD_CONFIG.replace("type: replay", "type: skynet"))
    config("provider-missing", GOOD_CONFIG.replace("provider: replay}", "provider: nowhere}"))
    config("baseline-unknown", GOOD_CONFIG.replace("baseline: prod", "baseline: ghost"))
    config("prompt-missing", GOOD_CONFIG.replace("{model: gpt-4.1-mini,", "{prompt: prompts/nope.md, model: gpt-4.1-mini,"))
    config("prompt-is-directory", GOOD_CONFIG.replace("{model: gpt-4.1-mini,", "{prompt: /tmp, model: gpt-4.1-mini,"))
    config("prompt-binary-file", GOOD_CONFIG.replace("{model: gpt-4.1-mini,", "{prompt: /bin/sh, model: gpt-4.1-mini,"))
    config("run-k-negative", GOOD_CONFIG.replace("k: 3", "k: -5"))
    config("run-k-string", GOOD_CONFIG.replace("k: 3", "k: many"))
    config("run-k-huge", GOOD_CONFIG.replace("k: 3", "k: 1e300"))
    config("run-concurrency-zero", GOOD_CONFIG.replace("concurrency: 4", "concurrency: 0"))
    config("run-timeout-negative", GOOD_CONFIG.replace("timeout-s: 60", "timeout-s: -1"))
    config("run-timeout-nan", GOOD_CONFIG.replace("timeout-s: 60", "timeout-s: .nan"))
    config("run-retries-huge", GOOD_CONFIG.replace("retries: 2", "retries: 99999999999999"))
    config("run-not-map", GOOD_CONFIG.replace("run: {k: 3, concurrency: 4, timeout-s: 60, retries: 2}", "run: fast"))
    config("gate-rate-out-of-range", GOOD_CONFIG + "gate: {min-pass-rate: 5, max-pass-rate-drop: -1, max-infra-error-rate: 2}\n")
    config("gate-slices-string", GOOD_CONFIG + "gate: {slices: refunds}\n")
    config("gate-slices-nested", GOOD_CONFIG + "gate: {slices: [[a, b], {c: d}]}\n")
    config("pricing-negative", GOOD_CONFIG + "pricing: {gpt-4.1-mini: {input: -1, output: abc}}\n")
    config("unknown-top-field", GOOD_CONFIG + "candidatez: {}\n")
    config("unknown-provider-field", GOOD_CONFIG.replace("cassettes: cassettes}", "cassettes: cassettes, endpont: x}"))
    config("endpoint-not-url", GOOD_CONFIG + "  live: {model: m, provider: live2}\n".replace("  live", "  other") .replace("other: {model: m, provider: live2}", "other: {model: m, provider: replay}") + "")
    config("endpoint-garbage", GOOD_CONFIG.replace("  replay: {type: replay, cassettes: cassettes}", "  replay: {type: replay, cassettes: cassettes}\n  live: {type: openai, endpoint: \"ht!tp://[::1\"}"))
    config("rpm-negative", GOOD_CONFIG.replace("  replay: {type: replay, cassettes: cassettes}", "  replay: {type: replay, cassettes: cassettes}\n  live: {type: openai, endpoint: \"http://127.0.0.1:1/v1\", rpm: -10, tpm: abc, max-concurrency: 0}"))
    config("harvest-wrong-types", GOOD_CONFIG + "harvest: {traces: 5, feedback: {a: 1}, limit: -3}\n")
    config("shadow-wrong-types", GOOD_CONFIG + "shadow: {k: 0, sample: -1, alpha: 3, slices: tier, max-cost-ratio: abc}\n")
    config("drift-wrong-types", GOOD_CONFIG + "drift: {min-traffic-share: 2, max-case-share: -1, sample: many, max-queries: 0, join-similarity: .nan}\n")
    config("health-wrong-types", GOOD_CONFIG + "health: {p0-target-hours: -1, flaky-runs: x, incidents: 5}\n")
    config("matrix-explosion", GOOD_CONFIG + "matrix:\n  provider: replay\n  prompts: [a.md]\n  models: [" + ", ".join(f"m{i}" for i in range(200)) + "]\n  settings: {" + ", ".join(f"s{i}: {{temperature: 0.{i % 10}}}" for i in range(200)) + "}\n")
    config("settings-out-of-range", GOOD_CONFIG.replace("{model: gpt-4.1-mini, provider: replay}", "{model: gpt-4.1-mini, provider: replay, settings: {temperature: 9, top-p: -1, max-output-tokens: 0, reasoning-effort: ultra, seed: 1.5}}"))
    config("evaluator-assembly-missing", GOOD_CONFIG + "evaluators:\n  wc: {assembly: nope/missing.dll, type: X.Y}\n")
    config("target-assembly-not-dll", GOOD_CONFIG + "targets:\n  t: {assembly: /etc/hostname, type: X.Y}\ncandidates2: {}\n")
    config("golden-set-is-file", "golden-set: /etc/hostname\n" + GOOD_CONFIG)


def traces():
    good_span = {"traceId": "5b8efff798038103d269b633813fc60c", "spanId": "eee19b7ec3c1b174", "name": "chat gpt-4.1-mini",
                 "startTimeUnixNano": "1782638042000000000", "endTimeUnixNano": "1782638043000000000",
                 "attributes": [{"key": "gen_ai.request.model", "value": {"stringValue": "gpt-4.1-mini"}},
                                {"key": "gen_ai.usage.input_tokens", "value": {"intValue": "12"}},
                                {"key": "gen_ai.input.messages", "value": {"stringValue": json.dumps([{"role": "user", "parts": [{"type": "text", "content": "Where is my order A-1001?"}]}])}},
                                {"key": "gen_ai.response.finish_reasons", "value": {"arrayValue": {"values": [{"stringValue": "length"}]}}}]}

    def doc(spans):
        return {"resourceSpans": [{"resource": {"attributes": []}, "scopeSpans": [{"scope": {"name": "x"}, "spans": spans}]}]}

    def t(name, data):
        write(f"traces/{name}.json", data if isinstance(data, (bytes, str)) else json.dumps(data))

    good = json.dumps(doc([good_span]))
    t("good", good)
    t("empty", b"")
    t("truncated", good[: len(good) // 2])
    t("truncated-second-line", good + "\n" + good[:100] + "\n")
    t("not-json", "hello world\n")
    t("json-null", "null\n")
    t("json-array", "[1, 2, 3]\n")
    t("json-string", '"resourceSpans"\n')
    t("resourceSpans-string", {"resourceSpans": "x"})
    t("resourceSpans-null", {"resourceSpans": None})
    t("spans-number", {"resourceSpans": [{"scopeSpans": [{"spans": 5}]}]})
    t("span-string", {"resourceSpans": [{"scopeSpans": [{"spans": ["x", None, 3]}]}]})
    t("attributes-not-list", doc([dict(good_span, attributes={"gen_ai.request.model": "x"})]))
    t("attribute-value-string", doc([dict(good_span, attributes=[{"key": "gen_ai.request.model", "value": "gpt"}])]))
    t("attribute-key-number", doc([dict(good_span, attributes=[{"key": 5, "value": {"stringValue": "gpt"}}])]))
    t("intValue-garbage", doc([dict(good_span, attributes=[{"key": "gen_ai.usage.input_tokens", "value": {"intValue": "twelve"}}])]))
    t("intValue-overflow", doc([dict(good_span, attributes=[{"key": "gen_ai.usage.input_tokens", "value": {"intValue": "99999999999999999999999999"}}])]))
    t("doubleValue-string", doc([dict(good_span, attributes=[{"key": "gen_ai.usage.cost", "value": {"doubleValue": "NaN"}}])]))
    t("time-garbage", doc([dict(good_span, startTimeUnixNano="yesterday", endTimeUnixNano=-5)]))
    t("time-overflow", doc([dict(good_span, startTimeUnixNano="999999999999999999999999", endTimeUnixNano=1e30)]))
    t("traceId-garbage", doc([dict(good_span, traceId=12345, spanId={"a": 1})]))
    t("traceId-missing", doc([{k: v for k, v in good_span.items() if k not in ("traceId", "spanId")}]))
    t("input-messages-not-json", doc([dict(good_span, attributes=[{"key": "gen_ai.input.messages", "value": {"stringValue": "[{\"role\": \"user\", \"parts\": [{\"type\""}}])]))
    t("input-messages-wrong-shape", doc([dict(good_span, attributes=[{"key": "gen_ai.input.messages", "value": {"stringValue": json.dumps({"role": 5, "parts": "x"})}}])]))
    t("openinference-index-huge", doc([dict(good_span, attributes=[{"key": "llm.input_messages.2147483647.message.content", "value": {"stringValue": "hi"}},
                                                                     {"key": "llm.input_messages.99999999999.message.role", "value": {"stringValue": "user"}},
                                                                     {"key": "openinference.span.kind", "value": {"stringValue": "LLM"}}])]))
    t("unknown-fields", {"resourceSpans": [{"zzz": [1, 2], "resource": {"attributes": [], "extra": {"deep": True}},
                                            "scopeSpans": [{"scope": {"name": "x", "weird": 1}, "spans": [dict(good_span, foo={"bar": [1]})]}]}], "other": 1})
    t("huge-attribute", doc([dict(good_span, attributes=good_span["attributes"] + [{"key": "gen_ai.output.messages", "value": {"stringValue": "z" * 8_000_000}}])]))
    def deep(open_, close, depth=5000):
        return open_ * depth + '{"stringValue": "leaf"}' + close * depth
    prefix = json.dumps(doc([dict(good_span, attributes=good_span["attributes"] + [{"key": "deep", "value": "@@"}])]))
    t("deep-anyvalue-kvlist", prefix.replace('"@@"', deep('{"kvlistValue": {"values": [{"key": "k", "value": ', "}]}}")))
    t("deep-anyvalue-array", prefix.replace('"@@"', deep('{"arrayValue": {"values": [', "]}}")).replace('"key": "deep"', '"key": "gen_ai.input.messages"'))
    nested = "@@"
    t("deep-json-raw", '{"resourceSpans": [' + "[" * 100000 + "]" * 100000 + "]}\n")
    t("gzip", gzip.compress(good.encode(), mtime=0))
    t("protobuf-binary", bytes([0x0A, 0x80, 0x01, 0x0A, 0x10]) + bytes(random.Random(5).randrange(256) for _ in range(512)))
    t("bom", b"\xef\xbb\xbf" + good.encode())
    t("crlf-lines", (good + "\r\n" + good + "\r\n").encode())
    t("nul-bytes", good.encode() + b"\x00\x00\x00\n")
    t("non-utf8", good.encode().replace(b"Where is", b"O\xf9 est"))
    t("utf16", "\ufeff".encode("utf-16-le") + good.encode("utf-16-le"))
    t("logs-wrong-types", {"resourceLogs": [{"scopeLogs": [{"logRecords": [{"traceId": "x", "body": {"kvlistValue": {"values": "nope"}}, "eventName": 7, "timeUnixNano": "abc"}]}]}]})
    t("logs-body-deep", json.dumps({"resourceLogs": [{"scopeLogs": [{"logRecords": [{"traceId": "5b8efff798038103d269b633813fc60c", "spanId": "eee19b7ec3c1b174",
                                                                            "eventName": "gen_ai.user.message", "body": "@@"}]}]}]}).replace('"@@"', deep('{"kvlistValue": {"values": [{"key": "content", "value": ', "}]}}")))
    t("many-empty-lines", "\n" * 100000 + good + "\n")

    def f(name, data):
        write(f"feedback/{name}.jsonl", data)
    f("good", json.dumps({"session_id": "5b8efff798038103d269b633813fc60c", "rating": "down", "timestamp": "2026-06-28T09:00:00Z"}) + "\n")
    f("wrong-types", '{"session_id": 5, "rating": {"a": 1}, "timestamp": [1]}\n{"session_id": null}\n[]\n"x"\n')
    f("bad-timestamp", '{"session_id": "s", "rating": "down", "timestamp": "not-a-time"}\n{"session_id": "s", "rating": "down", "timestamp": "99999-01-01T00:00:00Z"}\n')
    f("binary", bytes(random.Random(9).randrange(256) for _ in range(1024)))
    f("truncated", '{"session_id": "s", "rating": "do')


def promptfoo():
    def p(name, body):
        write(f"promptfoo/{name}/promptfooconfig.yaml", body)
    p("empty", b"")
    p("scalar", "hello\n")
    p("list", "- tests\n- prompts\n")
    p("tests-string", "prompts: ['{{q}}']\nproviders: [openai:gpt-4.1-mini]\ntests: just-a-string\n")
    p("tests-number", "prompts: ['{{q}}']\nproviders: [openai:gpt-4.1-mini]\ntests: 5\n")
    p("tests-file-missing", "prompts: ['{{q}}']\nproviders: [openai:gpt-4.1-mini]\ntests: file://nope.csv\n")
    p("tests-file-self", "prompts: ['{{q}}']\nproviders: [openai:gpt-4.1-mini]\ntests: file://promptfooconfig.yaml\n")
    p("tests-file-directory", "prompts: ['{{q}}']\nproviders: [openai:gpt-4.1-mini]\ntests: file://.\n")
    p("tests-file-etc", "prompts: ['{{q}}']\nproviders: [openai:gpt-4.1-mini]\ntests: file:///etc/passwd\n")
    p("prompts-number", "prompts: 5\nproviders: [openai:gpt-4.1-mini]\ntests: [{vars: {q: hi}}]\n")
    p("prompts-nested-junk", "prompts: [[a, b], {x: {y: z}}, 7, ~]\nproviders: [openai:gpt-4.1-mini]\ntests: [{vars: {q: hi}}]\n")
    p("prompt-file-binary", "prompts: [file:///bin/sh]\nproviders: [openai:gpt-4.1-mini]\ntests: [{vars: {q: hi}}]\n")
    p("providers-junk", "prompts: ['{{q}}']\nproviders: [5, ~, {id: ~}, {config: 3}, [a]]\ntests: [{vars: {q: hi}}]\n")
    p("provider-id-injection", "prompts: ['{{q}}']\nproviders:\n  - id: \"openai:gpt-4.1-mini\\nbaseline: evil\"\n    config: {apiBaseUrl: \"http://x\\\"}\\ninjected: {a: 1}\"}\ntests: [{vars: {q: hi}}]\n")
    p("assert-not-list", "prompts: ['{{q}}']\nproviders: [openai:gpt-4.1-mini]\ntests: [{vars: {q: hi}, assert: {type: contains, value: x}}]\n")
    p("assert-junk", "prompts: ['{{q}}']\nproviders: [openai:gpt-4.1-mini]\ntests: [{vars: {q: hi}, assert: [5, ~, {type: ~}, {type: [a]}, {type: contains}, {type: regex, value: '(('}, {type: javascript, value: 'return ((('}]}]\n")
    p("vars-junk", "prompts: ['{{q}}']\nproviders: [openai:gpt-4.1-mini]\ntests: [{vars: [1, 2]}, {vars: 5}, {vars: ~}, ~, 7]\n")
    p("vars-cartesian-explosion", "prompts: ['{{a}}{{b}}{{c}}{{d}}{{e}}{{f}}{{g}}']\nproviders: [openai:gpt-4.1-mini]\ntests:\n  - vars:\n" +
      "".join(f"      {v}: [" + ", ".join(str(i) for i in range(20)) + "]\n" for v in "abcdefg"))
    p("nunjucks-hostile", "prompts: ['{{q}} {% for i in range(100000000) %}x{% endfor %} {{ q | nonexistentfilter }} {{ q.__class__ }} {{ 7*7 }} {% include \"/etc/passwd\" %}']\nproviders: [openai:gpt-4.1-mini]\ntests: [{vars: {q: hi}}]\n")
    p("nunjucks-unclosed", "prompts: ['{{q']\nproviders: [openai:gpt-4.1-mini]\ntests: [{vars: {q: '{{ {{ {%'}}]\n")
    p("description-hostile", "prompts: ['{{q}}']\nproviders: [openai:gpt-4.1-mini]\ntests: [{description: \"../../../etc/x\\n\\u0000\\u202e\", vars: {q: hi}}, {description: \"" + "d" * 5000 + "\", vars: {q: hi}}]\n")
    p("scenarios-junk", "prompts: ['{{q}}']\nproviders: [openai:gpt-4.1-mini]\nscenarios: [5, {config: 3, tests: x}, {config: [{vars: 5}], tests: [{vars: {q: 1}}]}]\n")
    p("defaultTest-junk", "prompts: ['{{q}}']\nproviders: [openai:gpt-4.1-mini]\ndefaultTest: [1, 2]\ntests: [{vars: {q: hi}}]\n")
    p("defaultTest-file-missing", "prompts: ['{{q}}']\nproviders: [openai:gpt-4.1-mini]\ndefaultTest: file://nope.yaml\ntests: [{vars: {q: hi}}]\n")
    p("alias-bomb", "x0: &x0 [a, a, a, a, a, a, a, a, a]\n" + "".join(f"x{i}: &x{i} [" + ", ".join([f"*x{i-1}"] * 9) + "]\n" for i in range(1, 10)) +
      "prompts: ['{{q}}']\nproviders: [openai:gpt-4.1-mini]\ntests: [{vars: {q: *x9}}]\n")
    p("deep-nesting", "prompts: ['{{q}}']\nproviders: [openai:gpt-4.1-mini]\ntests: [{vars: {q: " + "[" * 20000 + "]" * 20000 + "}}]\n")
    p("binary", bytes(random.Random(11).randrange(256) for _ in range(2048)))
    p("repeat-huge", "prompts: ['{{q}}']\nproviders: [openai:gpt-4.1-mini]\ntests: [{vars: {q: hi}}]\nevaluateOptions: {repeat: 99999999999}\n")
    p("repeat-string", "prompts: ['{{q}}']\nproviders: [openai:gpt-4.1-mini]\ntests: [{vars: {q: hi}}]\nevaluateOptions: {repeat: often}\n")
    write("promptfoo/csv-broken/promptfooconfig.yaml", "prompts: ['{{q}}']\nproviders: [openai:gpt-4.1-mini]\ntests: file://t.csv\n")
    write("promptfoo/csv-broken/t.csv", b'\xef\xbb\xbfq,__expected\n"unclosed,contains:x\nhi,"a""b\n,,,,,,\n\xff\xfe\n')
    write("promptfoo/jsonl-broken/promptfooconfig.yaml", "prompts: ['{{q}}']\nproviders: [openai:gpt-4.1-mini]\ntests: file://t.jsonl\n")
    write("promptfoo/jsonl-broken/t.jsonl", '{"vars": {"q": "hi"}}\n{"vars": \n5\nnull\n[]\n')
    write("promptfoo/tests-glob-nothing/promptfooconfig.yaml", "prompts: ['{{q}}']\nproviders: [openai:gpt-4.1-mini]\ntests: file://none/*.yaml\n")


def main():
    cases(); configs(); traces(); promptfoo()


if __name__ == "__main__":
    main()
