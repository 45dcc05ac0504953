namespace AgentOps.Evals.Judging;

/// <summary>How well the judge agrees with human labels.</summary>
/// <param name="Judged">Labelled cases the judge answered (errors excluded).</param>
/// <param name="Agreement">Share of judged cases where judge and human agree; null when none was judged.</param>
/// <param name="Kappa">Cohen's kappa: agreement beyond chance; null when chance agreement is 1 (every label and verdict the same class).</param>
/// <param name="Items">Every labelled case with the human label and the judge's verdict.</param>
/// <param name="Agreed">Judged cases where judge and human agree.</param>
/// <param name="JudgeErrors">Labelled cases the judge could not answer.</param>
/// <param name="BothPass">Human pass, judge pass.</param>
/// <param name="BothFail">Human fail, judge fail.</param>
/// <param name="HumanPassJudgeFail">Human pass, judge fail.</param>
/// <param name="HumanFailJudgePass">Human fail, judge pass.</param>
public sealed record CalibrationResult(
    IReadOnlyList<CalibrationItem> Items,
    int Judged,
    int Agreed,
    int JudgeErrors,
    double? Agreement,
    double? Kappa,
    int BothPass,
    int BothFail,
    int HumanPassJudgeFail,
    int HumanFailJudgePass)
{
    /// <summary>Agreement and Cohen's kappa over the items the judge answered.</summary>
    public static CalibrationResult Compute(IReadOnlyList<CalibrationItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var judged = items.Where(i => i.JudgePass is not null).ToList();
        int bothPass = judged.Count(i => i.HumanPass && i.JudgePass == true);
        int bothFail = judged.Count(i => !i.HumanPass && i.JudgePass == false);
        int humanPassJudgeFail = judged.Count(i => i.HumanPass && i.JudgePass == false);
        int humanFailJudgePass = judged.Count(i => !i.HumanPass && i.JudgePass == true);
        var n = judged.Count;
        double? agreement = n == 0 ? null : (double)(bothPass + bothFail) / n;
        double? kappa = null;
        if (n > 0)
        {
            var humanPass = (double)(bothPass + humanPassJudgeFail) / n;
            var judgePass = (double)(bothPass + humanFailJudgePass) / n;
            var chance = humanPass * judgePass + (1 - humanPass) * (1 - judgePass);
            if (chance < 1) kappa = (agreement!.Value - chance) / (1 - chance);
        }
        return new CalibrationResult(items, n, bothPass + bothFail, items.Count - n, agreement, kappa, bothPass, bothFail, humanPassJudgeFail, humanFailJudgePass);
    }
}
