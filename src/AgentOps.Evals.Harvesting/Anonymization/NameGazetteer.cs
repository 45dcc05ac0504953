using Bogus;

namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>
/// First and last names of several locales, from Bogus's locale data: the names the detector recognizes and the
/// pool the replacer draws fakes from. Words that are names but far more often ordinary words ("May", "Will",
/// "Street") are left out of the recognizer.
/// </summary>
internal sealed class NameGazetteer
{
    /// <summary>The locales fakes are drawn from.</summary>
    public static readonly string[] Locales = ["en", "de", "fr", "es", "it", "nl", "pt_BR", "pl"];

    /// <summary>Every Bogus locale with name lists: recognition covers them all (Slavic, Nordic, Hungarian-adjacent,
    /// Turkish, Persian, Vietnamese, Indonesian, Indian, Nigerian, Zulu, Georgian...); fakes stay in <see cref="Locales"/>.</summary>
    private static readonly string[] RecognitionLocales =
    [
        "af_ZA", "ar", "az", "cz", "de", "de_AT", "de_CH", "el", "en", "en_AU", "en_CA", "en_GB", "en_IE", "en_IND", "en_NG",
        "en_US", "en_ZA", "es", "es_MX", "fa", "fi", "fr", "fr_CA", "fr_CH", "ge", "hr", "id_ID", "it", "ja", "ko", "lv", "nb_NO",
        "ne", "nl", "nl_BE", "pl", "pt_BR", "pt_PT", "ro", "ru", "sk", "sv", "tr", "uk", "vi", "zh_CN", "zh_TW", "zu_ZA",
    ];

    /// <summary>CJK family names (Han and Hangul) from the Chinese, Japanese and Korean locales: a CJK name starts with one.</summary>
    private readonly HashSet<string> cjkFamilyNames = new(StringComparer.Ordinal);

    /// <summary>Capitalized words that start sentences or name things more often than people, in the locales above.</summary>
    internal static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "May", "June", "April", "August", "Will", "Mark", "Bill", "Grant", "Rose", "Hope", "Joy", "Faith", "Chase", "Hunter",
        "Page", "Price", "Long", "Short", "Young", "King", "Bank", "Street", "Order", "Case", "Lane", "Wood", "Hill", "Green",
        "Brown", "White", "Black", "Gray", "Grey", "Golden", "Rich", "Frank", "Sunny", "Summer", "Winter", "Autumn", "Spring",
        "Amazon", "Apple", "Jordan", "Paris", "Florence", "Austin", "Dallas", "Houston", "Sydney", "Victoria", "Georgia",
        "Carolina", "Virginia", "Washington", "Lincoln", "Madison", "Jackson", "Christian", "Pat", "Sue", "Don", "Art", "Max",
        "Gene", "Guy", "Ray", "Dean", "Drew", "Miles", "Rich", "Ruby", "Crystal", "Amber", "Jade", "Pearl", "Ivy", "Iris",
        "Lily", "Daisy", "Holly", "Dawn", "Eve", "Ginger", "Honey", "Misty", "Storm", "Sky", "River", "Forest", "Stone",
        "Story", "Reed", "Cash", "Sterling", "Royal", "Major", "Rusty", "Woody", "Buck", "Stormy", "Precious", "Trinity",
        "Destiny", "Harmony", "Serenity", "Justice", "Liberty", "Unique", "Thanks", "Hello", "Dear", "Please", "Sorry",
        "Support", "Team", "Customer", "Service", "Help", "Desk", "Agent", "Manager", "Delivery", "Shipping", "Refund",
        "Return", "Account", "Payment", "Card", "Invoice", "Status", "Update", "Monday", "Tuesday", "Wednesday", "Thursday",
        "Friday", "Saturday", "Sunday", "January", "February", "March", "September", "October", "November", "December",
        "Premium", "Express", "Standard", "Pro", "Plus", "Max", "Mini", "Ultra", "Prime", "Gold", "Silver", "Platinum",
        "Germany", "France", "Spain", "Italy", "Poland", "English", "German", "French", "Spanish", "Italian", "Dutch",
        "Berlin", "Madrid", "Roma", "Rome", "Milan", "London", "Brussels", "Vienna", "Warsaw", "Lisbon", "Porto",
        "The", "This", "That", "When", "Where", "What", "Why", "How", "Can", "Could", "Would", "Should", "Did", "Does",
        "Herr", "Frau", "Monsieur", "Madame", "Mister", "Miss", "Doctor", "Sir", "Madam", "Lord", "Lady", "Saint", "San",
        "Santa", "Bella", "Bello", "Nice", "Best", "Regards", "Cheers", "Love", "Kind", "Thank", "Good", "Great", "New",
        "Old", "North", "South", "East", "West", "Main", "Park", "Church", "Mill", "Bridge", "Field", "Ford", "Hall",
        "Wall", "Well", "Wells", "Banks", "Lake", "Moon", "Sun", "Star", "Day", "Knight", "Bishop", "Cook", "Baker",
        "Carter", "Cooper", "Fisher", "Porter", "Turner", "Walker", "Weaver", "Hunt", "Power", "Powers", "Love", "Little",
        "Small", "Large", "Strong", "Sharp", "Swift", "Wise", "Moss", "Bush", "Fox", "Wolf", "Bird", "Lamb", "Bull",
        "Mayo", "Marina", "Mercedes", "Fiat", "Opel", "Porsche", "Ferrari", "Tesla", "Dell", "Lenovo", "Nokia", "Visa",
        "Mastercard", "Klarna", "Stripe", "Paypal", "Sage", "Oracle", "Angel", "Angela", "Nova", "Luna", "Stella", "Aurora",
        "Ok", "Okay", "Yes", "Not", "But", "And", "Also", "Just", "Still", "Even", "Only", "Very", "Much", "More",
        "Bonjour", "Merci", "Hola", "Gracias", "Ciao", "Grazie", "Danke", "Hallo", "Bitte", "Guten", "Tag",
        // Words of the cue phrases themselves, street words and brands: never the start of a name.
        "Mein", "Meine", "Name", "Nom", "Nombre", "Nome", "Naam", "Mon", "Mijn", "Il", "Mio", "Rua", "Calle", "Via", "Avenida",
        "Rue", "Strasse", "Straße", "Platz", "Google", "Pixel", "Samsung", "Galaxy", "Sony", "Microsoft", "Kindle", "Echo",
        "Alexa", "Prime", "Video", "Watch", "Series", "Office", "Teams", "Windows", "Android", "Iphone", "Ipad", "Macbook",
        "Airpods", "Playstation", "Xbox", "Nintendo", "Switch", "Netflix", "Spotify", "Uber", "Lyft", "Airbnb", "Zoom",
        "Slack", "Fedex", "Ups", "Dhl", "Hermes", "Royal Mail", "Postnl", "Ikea", "Zara", "Nike", "Adidas", "Puma", "Lego",
        "Toyota", "Honda", "Ford", "Volkswagen", "Audi", "Bmw", "Volvo", "Philips", "Siemens", "Bosch", "Canon", "Nikon",
        "Tier", "Level", "Plan", "Membership", "Subscription", "Hotel", "Airport", "Station", "Terminal", "Gate", "Room",
        "Floor", "Building", "Department", "Billing", "Sales", "Care", "Desk", "Center", "Centre", "University", "College",
        "School", "Hospital", "Clinic", "Store", "Shop", "Mall", "Market", "Cafe", "Restaurant", "Bar", "Club", "Group",
        "Inc", "Ltd", "Gmbh", "Corp", "Company", "Bay", "Beach", "Island", "Valley", "Mountain", "River", "Port", "City",
        "Town", "County", "State", "Republic", "Kingdom", "United", "National", "International", "Global", "Europe",
        "Asia", "Africa", "America", "Australia", "Canada", "Japan", "China", "India", "Brazil", "Mexico", "Tokyo", "Osaka",
        "Seoul", "Beijing", "Shanghai", "Mumbai", "Delhi", "Lagos", "Cairo", "Istanbul", "Moscow", "Kyiv", "Prague",
        "Budapest", "Stockholm", "Oslo", "Helsinki", "Copenhagen", "Amsterdam", "Dublin", "Edinburgh", "Manchester",
        "Toronto", "Vancouver", "Chicago", "Boston", "Seattle", "Denver", "Miami", "Atlanta", "Phoenix", "Frankfurt",
        "Munich", "Hamburg", "Cologne", "Zurich", "Geneva", "Barcelona", "Valencia", "Seville", "Naples", "Turin", "Venice",
        "Lyon", "Marseille", "Nice", "Toulouse", "Bordeaux", "Brussels", "Antwerp", "Rotterdam", "Utrecht", "Krakow",
        "Black Friday", "Christmas", "Easter", "Happy", "Merry", "Angry", "Sad", "Fine", "Sure", "Writing", "Calling",
    };

    private readonly Dictionary<string, string> firstNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> lastNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> firstByLocale = [];
    private readonly Dictionary<string, string[]> lastByLocale = [];

    public static NameGazetteer Shared { get; } = new();

    private NameGazetteer()
    {
        foreach (var locale in Locales)
        {
            var firsts = new List<string>();
            foreach (var key in (string[])["first_name", "male_first_name", "female_first_name"])
                firsts.AddRange(Read("name", key, locale));
            var lasts = Read("name", "last_name", locale).ToList();
            firstByLocale[locale] = [.. firsts.Where(IsSingleWord).Distinct(StringComparer.Ordinal)];
            lastByLocale[locale] = [.. lasts.Where(IsSingleWord).Distinct(StringComparer.Ordinal)];
            foreach (var name in firstByLocale[locale]) firstNames.TryAdd(name, locale);
            foreach (var name in lastByLocale[locale]) lastNames.TryAdd(name, locale);
        }
        foreach (var locale in RecognitionLocales)
        {
            foreach (var key in (string[])["first_name", "male_first_name", "female_first_name"])
                foreach (var name in Read("name", key, locale)) AddRecognized(firstNames, name, locale);
            foreach (var name in Read("name", "last_name", locale))
            {
                AddRecognized(lastNames, name, locale);
                if (name.Length is >= 1 and <= 3 && IsCjk(name[0])) cjkFamilyNames.Add(name);
            }
        }
    }

    private static void AddRecognized(Dictionary<string, string> names, string name, string locale)
    {
        if (IsSingleWord(name)) names.TryAdd(name, locale);
    }

    /// <summary>Han (with the iteration mark 々 of 佐々木) or Hangul; kana are left out, they carry the grammar around names.</summary>
    public static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uAC00' and <= '\uD7A3' or '\u3005';

    public bool IsCjkFamilyName(string value) => cjkFamilyNames.Contains(value);

    public bool IsFirstName(string token) => firstNames.ContainsKey(token) && !CommonWords.Contains(token);

    /// <summary>In the first-name lists, common word or not.</summary>
    public bool IsKnownFirstName(string token) => firstNames.ContainsKey(token);

    /// <summary>In the last-name lists, common word or not ("Park", "Rose").</summary>
    public bool IsKnownLastName(string token) => lastNames.ContainsKey(token);

    /// <summary>Romanized Korean, Chinese and Japanese family names; Bogus lists them in Hangul or Han only.</summary>
    public static bool IsEastAsianFamilyName(string token) => EastAsianFamilyNames.Contains(token);

    private static readonly HashSet<string> EastAsianFamilyNames = new(StringComparer.Ordinal)
    {
        "Kim", "Lee", "Park", "Choi", "Jung", "Jeong", "Kang", "Cho", "Jo", "Yoon", "Yun", "Jang", "Lim", "Han", "Oh", "Seo", "Shin",
        "Kwon", "Ahn", "Song", "Yoo", "Ryu", "Hong", "Jeon", "Ko", "Moon", "Yang", "Son", "Bae", "Heo", "Nam",
        "Wang", "Li", "Zhang", "Liu", "Chen", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "He", "Lin",
        "Luo", "Zheng", "Liang", "Xie", "Tang", "Feng", "Deng", "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong", "Pan", "Yuan",
        "Cai", "Jiang", "Yu", "Du", "Ye", "Cheng", "Wei", "Su", "Lu", "Ding", "Ren", "Shen", "Yao", "Chan", "Wong", "Cheung",
        "Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Kato", "Yoshida",
        "Yamada", "Sasaki", "Yamaguchi", "Matsumoto", "Inoue", "Kimura", "Hayashi", "Mori", "Abe", "Ikeda", "Hashimoto",
        "Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Vo", "Dang", "Bui", "Do", "Ngo", "Duong", "Ly",
    };

    public bool IsLastName(string token) => lastNames.ContainsKey(token) && !CommonWords.Contains(token);

    /// <summary>The locale a name belongs to, for fakes of the same origin; "en" when unknown.</summary>
    public string LocaleOf(string token) =>
        (firstNames.TryGetValue(token, out var locale) || lastNames.TryGetValue(token, out locale)) && firstByLocale.ContainsKey(locale) ? locale : "en";

    public IReadOnlyList<string> FirstNames(string locale) => firstByLocale[locale];

    public IReadOnlyList<string> LastNames(string locale) => lastByLocale[locale];

    private static bool IsSingleWord(string name) => name.Length >= 2 && !name.Contains(' ') && char.IsUpper(name[0]);

    internal static IEnumerable<string> Read(string category, string path, string locale)
    {
        if (!Database.HasKey(category, path, locale, locale)) yield break;
        if (Database.Get(category, path, locale, locale) is not Bogus.Bson.BArray array) yield break;
        for (var i = 0; i < array.Count; i++) yield return array[i].StringValue;
    }
}
