using AgentOps.Evals.Cases;
using AgentOps.Evals.Harvesting.Drift;
using AgentOps.Evals.Tests.Drift;

namespace AgentOps.Evals.Bench.Drift;

/// <summary>The labelled traffic sets: name, whether held out, the queries, and the intents that should be flagged (uncovered, &gt; 5%).</summary>
internal static class Sets
{
    public static (string, bool, List<TrafficQuery>, HashSet<string>) Dev(IReadOnlyList<GoldenCase> cases, DateTimeOffset week)
    {
        var random = new Random(11);
        string[] prefixes = ["", "", "", "Hi ", "Hello "];
        string[] suffixes = ["", "", " thanks", " please", "!"];
        var queries = new List<TrafficQuery>();
        foreach (var c in cases.Where(c => c.Status == CaseStatus.Active))
            for (var i = 0; i < 6; i++)
                queries.Add(new TrafficQuery(c.Id, prefixes[random.Next(5)] + DriftJob.GoldenText(c) + suffixes[random.Next(5)], At(week, random)));
        string[] en = ["Can I pause my coffee subscription for {n} weeks?", "How do I pause my subscription while I'm travelling?", "Please put my subscription on hold for {n} weeks.",
            "I want to pause the monthly subscription delivery for a while.", "Is it possible to pause my subscription box next month?"];
        string[] de = ["Kann ich mein Abo für {n} Wochen pausieren?", "Wie kann ich mein Abo pausieren, ich bin im Urlaub?", "Bitte mein Abo für {n} Wochen pausieren.",
            "Ich möchte die monatliche Lieferung meines Abos eine Weile pausieren.", "Kann ich mein Abo nächsten Monat pausieren?"];
        var count = (int)Math.Round(queries.Count * 0.3 / 0.7);
        for (var i = 0; i < count; i++)
        {
            var german = i % 2 == 1;
            var text = (german ? de : en)[random.Next(5)].Replace("{n}", random.Next(2, 9).ToString(System.Globalization.CultureInfo.InvariantCulture));
            queries.Add(new TrafficQuery(german ? "pause-de" : "pause-en", text, At(week, random)));
        }
        return ("dev: golden rephrased + pause-subscription 30% (half de)", false, queries, ["pause-en", "pause-de"]);
    }

    /// <summary>
    /// DEV-2 (tuned on, session 4): paraphrases of the covered topics that share few words with the golden inputs, and two
    /// new intents (a loyalty-card question in English, a size-exchange question in German), a 3% intent not to flag.
    /// </summary>
    public static (string, bool, List<TrafficQuery>, HashSet<string>) DevParaphrased(DateTimeOffset week)
    {
        var covered = new Dictionary<string, string[]>
        {
            ["order-status"] = ["What's happening with my purchase?", "I still haven't got the things I bought.", "Is my shipment on its way?", "When can I expect my delivery?", "Tell me the status of what I ordered."],
            ["cancel"] = ["I changed my mind, please call off my order.", "Stop the order I just placed.", "I no longer want the order, cancel it."],
            ["refund"] = ["I'd like to send back the dress, it's too small.", "Will I get my money back for the broken lamp?", "Where's the money for my return?", "How long is the return period?", "The mug arrived smashed, refund please."],
            ["account"] = ["I'm locked out and need a new password.", "How do I enable login codes on my phone?", "Remove my profile and data, please.", "Where can I update my e-mail?", "What's my points balance?"],
            ["shipping"] = ["Is overnight delivery expensive?", "Can you ship to Australia?", "The courier says delivered but I have nothing.", "Send it to my work place instead, please.", "My parcel is stuck, why is it late?"],
            ["german"] = ["Wo bleibt mein Paket?", "Ich komme nicht in mein Konto, Passwort vergessen.", "Wann wird mein Geld erstattet?"],
        };
        var fresh = new Dictionary<string, string[]>
        {
            ["loyalty-card-en"] = ["Can I use my loyalty card in your physical shops?", "I lost my loyalty card, can I get a new one?", "How do I add my loyalty card to my phone wallet?", "Does the loyalty card work online too?"],
            ["exchange-de"] = ["Kann ich die Schuhe gegen eine andere Größe umtauschen?", "Ich möchte den Pullover in Größe M statt L umtauschen.", "Wie funktioniert ein Umtausch in eine andere Größe?", "Umtausch der Jacke in eine größere Größe möglich?"],
            ["gift-message-small"] = ["Can I add a gift message to my order?", "Is it possible to include a note for the recipient?"],
        };
        var random = new Random(17);
        var queries = new List<TrafficQuery>();
        Add(queries, covered, 420, week, random);
        Add(queries, new() { ["loyalty-card-en"] = fresh["loyalty-card-en"] }, 60, week, random);
        Add(queries, new() { ["exchange-de"] = fresh["exchange-de"] }, 60, week, random);
        Add(queries, new() { ["gift-message-small"] = fresh["gift-message-small"] }, 16, week, random);
        return ("dev-2: paraphrases + 2 new intents (en, de) + a 3% one", false, queries, ["loyalty-card-en", "exchange-de"]);
    }

    // Held out: written after the thresholds were fixed; never run before the figures below were taken.
    private static readonly Dictionary<string, string[]> Covered = new()
    {
        ["order-status"] = ["Any news on my parcel? It was supposed to arrive on Monday.", "Can you check where my package is right now?", "My delivery still hasn't shown up, what is going on?", "Has my purchase been dispatched yet?", "Where's my stuff? Ordered ages ago."],
        ["refund"] = ["I sent the shoes back two weeks ago, when will I see my money?", "How do I get my money back for a broken kettle?", "What is your returns policy for sale items?", "Can I still return something I bought a month ago?", "The refund hasn't reached my bank yet."],
        ["account"] = ["I can't log into my account, how do I reset the password?", "How do I switch on two-step login?", "I want to close my account for good.", "How many reward points have I collected?", "Need to update the email on my profile."],
        ["shipping"] = ["How much does next-day delivery cost?", "Do you deliver to Canada?", "Can you send it to my office instead of my home?", "The courier lost my package, what now?", "How long does standard shipping take?"],
    };

    private static readonly Dictionary<string, string[]> New = new()
    {
        ["gift-wrap-en"] = ["Can you gift wrap my order and add a card?", "Is gift wrapping available for a birthday present?", "Please wrap it as a gift with a note saying happy birthday.", "Do you offer gift wrap and a message card?", "I'd like the item gift-wrapped, is that possible?"],
        ["invoice-fr"] = ["Pouvez-vous m'envoyer une facture avec mon numéro de TVA ?", "J'ai besoin d'une facture au nom de ma société.", "Où puis-je télécharger la facture de ma commande ?", "La facture doit mentionner le nom de mon entreprise.", "Je n'ai pas reçu de facture pour mon achat."],
        ["points-es"] = ["¿Puedo transferir mis puntos a otra cuenta?", "Quiero pasar mis puntos de fidelidad a mi hermana.", "¿Cómo transfiero puntos entre cuentas?", "¿Se pueden regalar los puntos a un amigo?", "Necesito mover mis puntos a la cuenta de mi esposo."],
        ["store-hours-small"] = ["What time does your Berlin store open on Sundays?", "Are your shops open on public holidays?", "When does the nearest store close today?"],
    };

    public static (string, bool, List<TrafficQuery>, HashSet<string>) HeldOut(DateTimeOffset week)
    {
        var random = new Random(23);
        var queries = new List<TrafficQuery>();
        Add(queries, Covered, 414, week, random);
        Add(queries, new() { ["gift-wrap-en"] = New["gift-wrap-en"] }, 60, week, random);
        Add(queries, new() { ["invoice-fr"] = New["invoice-fr"] }, 60, week, random);
        Add(queries, new() { ["points-es"] = New["points-es"] }, 48, week, random);
        Add(queries, new() { ["store-hours-small"] = New["store-hours-small"] }, 18, week, random);
        return ("held-out: own phrasings + 3 new intents (en, fr, es) + a 3% one", true, queries, ["gift-wrap-en", "invoice-fr", "points-es"]);
    }

    public static (string, bool, List<TrafficQuery>, HashSet<string>) HeldOutCoveredOnly(DateTimeOffset week)
    {
        var random = new Random(29);
        var queries = new List<TrafficQuery>();
        Add(queries, Covered, 500, week, random);
        return ("held-out: own phrasings of covered topics only", true, queries, []);
    }

    private static void Add(List<TrafficQuery> into, Dictionary<string, string[]> intents, int count, DateTimeOffset week, Random random)
    {
        string[] openers = ["", "", "Hi team, ", "Good morning. ", "Quick one: "];
        var names = intents.Keys.ToList();
        for (var i = 0; i < count; i++)
        {
            var intent = names[i % names.Count];
            var templates = intents[intent];
            into.Add(new TrafficQuery(intent, openers[random.Next(openers.Length)] + templates[random.Next(templates.Length)], At(week, random)));
        }
    }

    private static DateTimeOffset At(DateTimeOffset week, Random random) => week.AddMinutes(random.Next(7 * 24 * 60));
}
