using System.Globalization;
using System.Text;
using System.Xml;
using AgentOps.Evals.Gating;

namespace AgentOps.Evals.Reporting;

/// <summary>
/// JUnit XML (the Jenkins/Surefire shape CI test tabs read): one testsuite for the candidate, one testcase
/// per paired golden case (<c>classname</c> = suite, <c>name</c> = case id). A case fails when the candidate's
/// majority of trials failed; the failure carries the failed assertions and the response. Cases whose trials
/// were all infrastructure errors are errors, not failures.
/// </summary>
public sealed class JUnitGateReportWriter : IGateReportWriter
{
    private const int MaxResponseChars = 4000;

    /// <inheritdoc />
    public string Format => "junit";

    /// <inheritdoc />
    public void Write(GateVerdict verdict, TextWriter output)
    {
        var candidate = verdict.Candidate.Candidate;
        var cases = verdict.Cases;
        var failures = cases.Count(c => c.Comparable && !c.CandidateMajorityPassed);
        var errors = cases.Count(c => c.CandidateTrials == 0);
        var skipped = cases.Count(c => c.CandidateTrials > 0 && c.BaselineTrials == 0);
        var time = Seconds(cases.Sum(c => (c.CandidateMeanLatencyMs ?? 0) * c.CandidateTrials));

        // The declaration is written by hand: XmlWriter would name the TextWriter's encoding (UTF-16 for a StringWriter).
        output.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Indent = true, IndentChars = "  ", NewLineChars = "\n" };
        using (var xml = XmlWriter.Create(output, settings))
        {
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "agentops-evals gate");
            Counts(xml, cases.Count, failures, errors, skipped, time);

            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", $"{candidate.Name} ({candidate.ModelId}, prompt {candidate.PromptHash})");
            Counts(xml, cases.Count, failures, errors, skipped, time);

            xml.WriteStartElement("properties");
            Property(xml, "verdict", verdict.Outcome.ToString().ToLowerInvariant());
            Property(xml, "candidate", candidate.Name);
            Property(xml, "candidate.model", candidate.ModelId);
            Property(xml, "candidate.prompt-hash", candidate.PromptHash);
            Property(xml, "candidate.provider", candidate.Provider);
            Property(xml, "candidate.run", verdict.Candidate.RunId);
            Property(xml, "baseline", verdict.Baseline.Candidate.Name);
            Property(xml, "baseline.model", verdict.Baseline.Candidate.ModelId);
            Property(xml, "baseline.prompt-hash", verdict.Baseline.Candidate.PromptHash);
            Property(xml, "baseline.run", verdict.Baseline.RunId);
            Property(xml, "harness", candidate.HarnessVersion);
            // What the gate did about extra trials (how many, on which cases, the α each look spent): CI tabs show only this file.
            Property(xml, "extra-trials", $"{verdict.ExtraTrials.ToString(CultureInfo.InvariantCulture)} of {verdict.ExtraTrialBudget.ToString(CultureInfo.InvariantCulture)}");
            if (verdict.ExtraTrialNote is { } extraNote) Property(xml, "extra-trials.note", extraNote);
            // Each rule's decision on the whole set, and for an inconclusive one what would decide it.
            foreach (var f in verdict.Findings.Where(f => f.Evidence is not null && f.Slice == GateEvaluator.Overall))
                Property(xml, $"rule.{f.Rule}", EvidenceText.Describe(f));
            xml.WriteEndElement();

            foreach (var c in cases) TestCase(xml, c, verdict);
            if (verdict.ExtraTrialNote is { } note) xml.WriteElementString("system-out", $"extra trials: {note}\n");

            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        output.Write('\n');
    }

    private static void TestCase(XmlWriter xml, CaseComparison c, GateVerdict verdict)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", c.Suite.Length == 0 ? "golden-set" : c.Suite);
        xml.WriteAttributeString("name", c.Id);
        xml.WriteAttributeString("time", Seconds((c.CandidateMeanLatencyMs ?? 0) * c.CandidateTrials));

        var tally = $"{verdict.Candidate.Candidate.Name} {c.CandidatePasses}/{c.CandidateTrials} trials passed, " +
                    $"{verdict.Baseline.Candidate.Name} {c.BaselinePasses}/{c.BaselineTrials}";
        if (c.CandidateTrials == 0)
        {
            xml.WriteStartElement("error");
            xml.WriteAttributeString("message", $"all {c.CandidateInfraErrors} trials were infrastructure errors");
            xml.WriteAttributeString("type", "infra-error");
            xml.WriteString(FailureText(c));
            xml.WriteEndElement();
        }
        else if (c.BaselineTrials == 0)
        {
            xml.WriteStartElement("skipped");
            xml.WriteAttributeString("message", "no baseline trial was judged (infrastructure errors); not compared");
            xml.WriteEndElement();
        }
        else if (!c.CandidateMajorityPassed)
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("message", (c.Flip == CaseFlip.Regression ? "regressed: " : "failed: ") + tally);
            xml.WriteAttributeString("type", c.Flip == CaseFlip.Regression ? "regression" : "failure");
            xml.WriteString(FailureText(c));
            xml.WriteEndElement();
        }

        var notes = new StringBuilder();
        notes.Append("file: ").Append(c.File).Append('\n');
        notes.Append("severity: ").Append(c.Severity).Append('\n');
        notes.Append(tally).Append('\n');
        if (c.Flaky) notes.Append("flaky: trials disagreed\n");
        if (c.CandidateInfraErrors > 0) notes.Append("infrastructure errors: ").Append(c.CandidateInfraErrors).Append('\n');
        xml.WriteElementString("system-out", notes.ToString());
        xml.WriteEndElement();
    }

    private static string FailureText(CaseComparison c)
    {
        var text = new StringBuilder();
        foreach (var f in c.CandidateFailures)
        {
            text.Append("trial ").Append(f.TrialIndex.ToString(CultureInfo.InvariantCulture)).Append(": ")
                .Append(f.Outcome == Running.TrialOutcome.InfraError ? "infrastructure error" : "failed").Append('\n');
            foreach (var a in f.FailedAssertions) text.Append("  - ").Append(a.Type).Append(": ").Append(a.Reason).Append('\n');
            if (f.Error is not null) text.Append("  error").Append(f.ErrorKind is null ? "" : $" ({f.ErrorKind})").Append(": ").Append(f.Error).Append('\n');
            if (f.Output.Length > 0)
            {
                var response = ModelText.Truncate(f.Output, MaxResponseChars);
                text.Append("  response: ").Append(response).Append('\n');
            }
        }
        return Clean(text.ToString());
    }

    // XML 1.0 cannot carry most control characters, and model output sometimes holds them.
    private static string Clean(string text) =>
        string.Concat(text.Where(ch => ch is '\t' or '\n' or '\r' || XmlConvert.IsXmlChar(ch) || char.IsSurrogate(ch)));

    private static void Counts(XmlWriter xml, int tests, int failures, int errors, int skipped, string time)
    {
        xml.WriteAttributeString("tests", tests.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", errors.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("skipped", skipped.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("time", time);
    }

    private static void Property(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", value);
        xml.WriteEndElement();
    }

    private static string Seconds(double ms) => (ms / 1000).ToString("0.000", CultureInfo.InvariantCulture);
}
