using AgentOps.Evals.Cli.Output;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Storage;

namespace AgentOps.Evals.Cli;

/// <summary>The one place error kinds become exit codes: bad input → 2 with every problem, anything unexpected → 3, never a stack trace.</summary>
internal static class CliErrors
{
    public static async Task<int> Guard(Func<Task<int>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (InputException e)
        {
            ProblemPrinter.Print(e.Problems);
            return ExitCodes.BadInput;
        }
        catch (StoreException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return e.IsBadInput ? ExitCodes.BadInput : ExitCodes.Inconclusive;
        }
        catch (OperationCanceledException e)
        {
            Console.Error.WriteLine(e is Application.RunInterruptedException ? e.Message : "Cancelled.");
            return ExitCodes.Inconclusive;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"error: could not evaluate: {e.GetType().Name}: {e.Message}");
            if (Environment.GetEnvironmentVariable("AGENTOPS_DEBUG") is not null) Console.Error.WriteLine(e);
            return ExitCodes.Inconclusive;
        }
    }
}
