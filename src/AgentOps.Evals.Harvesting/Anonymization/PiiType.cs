namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>The kinds of personal data and secrets the anonymizer finds and <c>scan</c> reports.</summary>
public enum PiiType
{
    /// <summary>An e-mail address, including obfuscated spellings ("x at y dot z", base64).</summary>
    Email,
    /// <summary>A phone number that parses as one for its region.</summary>
    Phone,
    /// <summary>A payment card number with a valid Luhn check digit.</summary>
    PaymentCard,
    /// <summary>An IBAN of a registry country that passes mod-97.</summary>
    Iban,
    /// <summary>A national identifier: US SSN, UK NINO, Spanish DNI, Dutch BSN, French NIR.</summary>
    NationalId,
    /// <summary>An IPv4 or IPv6 address other than loopback or unspecified.</summary>
    IpAddress,
    /// <summary>A password or token inside a URL (user:password@, access_token=).</summary>
    CredentialUrl,
    /// <summary>An API key, token, JWT, private key or a keyword-introduced password.</summary>
    Secret,
    /// <summary>A person's name.</summary>
    PersonName,
    /// <summary>A street address.</summary>
    StreetAddress,
    /// <summary>A date given as someone's birth date.</summary>
    DateOfBirth,
}

/// <summary>Kebab-case spellings of <see cref="PiiType"/>, as <c>scan --json</c> prints them.</summary>
public static class PiiTypeNames
{
    /// <summary>The kebab-case name, e.g. <c>payment-card</c>.</summary>
    public static string ToName(this PiiType type) => type switch
    {
        PiiType.Email => "email",
        PiiType.Phone => "phone",
        PiiType.PaymentCard => "payment-card",
        PiiType.Iban => "iban",
        PiiType.NationalId => "national-id",
        PiiType.IpAddress => "ip-address",
        PiiType.CredentialUrl => "credential-url",
        PiiType.Secret => "secret",
        PiiType.PersonName => "person-name",
        PiiType.StreetAddress => "street-address",
        PiiType.DateOfBirth => "date-of-birth",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Parses a kebab-case name.</summary>
    public static bool TryParse(string name, out PiiType type)
    {
        foreach (var candidate in Enum.GetValues<PiiType>())
        {
            if (candidate.ToName() == name) { type = candidate; return true; }
        }
        type = default;
        return false;
    }

    /// <summary>Structured types and secrets: the ones with checksums or fixed shapes.</summary>
    public static bool IsStructured(this PiiType type) => type is not (PiiType.PersonName or PiiType.StreetAddress or PiiType.DateOfBirth);
}
