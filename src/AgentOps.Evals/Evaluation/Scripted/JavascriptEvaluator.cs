using System.Globalization;
using System.Text.Json.Nodes;
using Acornima.Ast;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;
using Jint;
using Jint.Native;
using Jint.Runtime;

namespace AgentOps.Evals.Evaluation.Scripted;

/// <summary>
/// <c>javascript</c> {value: script, threshold?, timeout-ms = 1000}: promptfoo's contract in a sandboxed interpreter. The
/// script sees <c>output</c> and <c>context</c> (<c>vars</c>, <c>prompt</c>, <c>test</c>) and returns a boolean, a number
/// (passes above 0, or at or above <c>threshold</c>) or <c>{pass, score, reason}</c>. A one-line script is an expression; a
/// longer one a function body with <c>return</c>. No file, network, process or .NET access; time, memory, recursion and
/// statement limits. A script error or a limit hit fails the assertion with the reason.
/// </summary>
internal sealed class JavascriptEvaluator : SpecEvaluator<JavascriptEvaluator.Args>
{
    internal sealed record Args(Prepared<Script> Script, double? Threshold, TimeSpan Timeout, string Shown);

    private const int DefaultTimeoutMs = 1000;
    private const long MemoryLimitBytes = 32L * 1024 * 1024;
    private const int RecursionLimit = 256;
    private const int StatementLimit = 5_000_000;

    public override string Type => "javascript";

    protected override IReadOnlyList<string> Fields { get; } = ["value", "threshold", "timeout-ms"];

    protected override Args? Parse(AssertionSpec spec, List<Problem> problems)
    {
        var code = spec.RequiredText("value", problems);
        double? threshold = spec.Args["threshold"] is null ? null : spec.RequiredNumber("threshold", problems);
        var timeoutMs = spec.OptionalNumber("timeout-ms", DefaultTimeoutMs, problems, min: 1, max: 60_000);
        if (code is null || problems.Count > 0)
            return null;
        try
        {
            // Prepared once at load: every trial's engine runs the same parsed tree.
            var script = Engine.PrepareScript(Wrap(code), source: "javascript");
            return new Args(script, threshold, TimeSpan.FromMilliseconds(timeoutMs), Excerpt.Of(code, 60));
        }
        catch (ScriptPreparationException e)
        {
            problems.Add(new Problem(spec.Location, "value", $"script does not parse: {e.Message}"));
            return null;
        }
    }

    /// <summary>The script as promptfoo runs it: a function of (output, context); a single line is returned as an expression.
    /// The body starts on the wrapper's first line so error line numbers are the script's own.</summary>
    internal static string Wrap(string code)
    {
        var trimmed = code.Trim();
        var isBody = trimmed.Contains('\n', StringComparison.Ordinal) && ContainsReturn(trimmed);
        var body = isBody ? code : "return (" + trimmed + "\n);";
        return "(function (output, context) {" + body + "\n})(__output, __context)";
    }

    private static bool ContainsReturn(string code) =>
        System.Text.RegularExpressions.Regex.IsMatch(code, @"(^|[^\w$.])return\b");

    protected override ValueTask<AssertionResult> EvaluateAsync(Args args, AssertionContext context, CancellationToken cancellationToken)
    {
        using var engine = new Engine(options => options
            .TimeoutInterval(args.Timeout)
            .LimitMemory(MemoryLimitBytes)
            .LimitRecursion(RecursionLimit)
            .MaxStatements(StatementLimit)
            .CancellationToken(cancellationToken));
        try
        {
            engine.SetValue("__output", context.Response.Output);
            engine.SetValue("__context", new Jint.Native.Json.JsonParser(engine).Parse(ContextJson(context)));
            var script = args.Script;
            var result = engine.Evaluate(in script);
            if (result is Jint.Native.Function.Function function)
                result = engine.Invoke(function, context.Response.Output, engine.GetValue("__context"));
            return new(Interpret(result, args));
        }
        catch (JavaScriptException e)
        {
            return new(AssertionResult.Fail(Type, $"script error at line {e.Location.Start.Line}: {e.Message}"));
        }
        catch (TimeoutException)
        {
            return new(AssertionResult.Fail(Type, $"script timed out after {args.Timeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms"));
        }
        catch (MemoryLimitExceededException)
        {
            return new(AssertionResult.Fail(Type, $"script exceeded the memory limit of {MemoryLimitBytes / (1024 * 1024)} MB"));
        }
        catch (RecursionDepthOverflowException)
        {
            return new(AssertionResult.Fail(Type, $"script exceeded the recursion limit of {RecursionLimit} calls"));
        }
        catch (StatementsCountOverflowException)
        {
            return new(AssertionResult.Fail(Type, $"script exceeded the limit of {StatementLimit.ToString(CultureInfo.InvariantCulture)} statements"));
        }
        catch (ExecutionCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (JintException e)
        {
            return new(AssertionResult.Fail(Type, $"script error: {e.Message}"));
        }
    }

    private AssertionResult Interpret(JsValue result, Args args)
    {
        if (result.IsBoolean())
        {
            return result.AsBoolean()
                ? AssertionResult.Pass(Type, $"script returned true: {args.Shown}", 1)
                : AssertionResult.Fail(Type, $"script returned false: {args.Shown}", 0);
        }
        if (result.IsNumber())
            return Scored(result.AsNumber(), null, args);
        if (result.IsObject() && result is not Jint.Native.Function.Function)
        {
            var graded = result.AsObject();
            var pass = graded.Get("pass");
            var score = graded.Get("score");
            var reason = graded.Get("reason");
            var why = reason.IsUndefined() || reason.IsNull() ? null : TypeConverter.ToString(reason);
            if (pass.IsUndefined() && score.IsNumber())
                return Scored(score.AsNumber(), why, args);
            if (pass.IsUndefined())
                return AssertionResult.Fail(Type, "script returned an object without pass or score; expected {pass, score, reason}");
            var passed = TypeConverter.ToBoolean(pass);
            double? value = score.IsNumber() ? score.AsNumber() : passed ? 1 : 0;
            var text = why ?? $"script returned pass: {(passed ? "true" : "false")}";
            return passed ? AssertionResult.Pass(Type, text, value) : AssertionResult.Fail(Type, text, value);
        }
        var kind = result.IsUndefined() ? "undefined" : result.IsNull() ? "null" : result.IsString() ? $"the string '{Excerpt.Of(result.AsString(), 60)}'" : result.Type.ToString();
        return AssertionResult.Fail(Type, $"script returned {kind}; expected a boolean, a number or {{pass, score, reason}}");
    }

    private AssertionResult Scored(double score, string? reason, Args args)
    {
        var passed = args.Threshold is { } threshold ? score >= threshold : score > 0;
        var shown = score.ToString("0.###", CultureInfo.InvariantCulture);
        var rule = args.Threshold is { } t ? $"threshold {t.ToString(CultureInfo.InvariantCulture)}" : "0 (no threshold)";
        var text = reason ?? (passed ? $"script scored {shown}, above {rule}" : $"script scored {shown}, not above {rule}");
        return passed ? AssertionResult.Pass(Type, text, score) : AssertionResult.Fail(Type, text, score);
    }

    /// <summary>promptfoo's <c>context</c>: the case's vars, the rendered prompt (last user message) and the test.</summary>
    private static string ContextJson(AssertionContext context)
    {
        var vars = new JsonObject();
        foreach (var (name, value) in context.Case.Input.Vars)
            vars[name] = value;
        return new JsonObject
        {
            ["vars"] = vars,
            ["prompt"] = context.Case.Input.LastUserMessage,
            ["test"] = new JsonObject { ["description"] = context.Case.Title ?? context.Case.Id, ["vars"] = vars.DeepClone() },
        }.ToJsonString();
    }
}
