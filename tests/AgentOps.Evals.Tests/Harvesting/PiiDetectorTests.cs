using AgentOps.Evals.Harvesting.Anonymization;
using CsCheck;

namespace AgentOps.Evals.Tests.Harvesting;

public sealed class PiiDetectorTests
{
    [Theory]
    [InlineData("Reach me at anna.mueller@example.de please", PiiType.Email, "anna.mueller@example.de")]
    [InlineData("mail: jörg.straße@müller-gmbh.de.", PiiType.Email, "jörg.straße@müller-gmbh.de")]
    [InlineData("call me on +49 30 1234567 tomorrow", PiiType.Phone, "+49 30 1234567")]
    [InlineData("my cell is (555) 123-4567.", PiiType.Phone, "(555) 123-4567")]
    [InlineData("Call 555-123-4567 2 times", PiiType.Phone, "555-123-4567")]
    [InlineData("appelez le 06 12 34 56 78", PiiType.Phone, "06 12 34 56 78")]
    [InlineData("UK mobile 07700 900123 ok", PiiType.Phone, "07700 900123")]
    [InlineData("+44 20 7946 0958", PiiType.Phone, "+44 20 7946 0958")]
    [InlineData("card 4111 1111 1111 1111 expired", PiiType.PaymentCard, "4111 1111 1111 1111")]
    [InlineData("amex 378282246310005", PiiType.PaymentCard, "378282246310005")]
    [InlineData("IBAN DE89 3704 0044 0532 0130 00 thanks", PiiType.Iban, "DE89 3704 0044 0532 0130 00")]
    [InlineData("iban: GB82WEST12345698765432", PiiType.Iban, "GB82WEST12345698765432")]
    [InlineData("SSN 123-45-6789", PiiType.NationalId, "123-45-6789")]
    [InlineData("my ssn is 123456789", PiiType.NationalId, "123456789")]
    [InlineData("NI number AB 12 34 56 C", PiiType.NationalId, "AB 12 34 56 C")]
    [InlineData("DNI 12345678Z", PiiType.NationalId, "12345678Z")]
    [InlineData("mijn BSN is 111222333", PiiType.NationalId, "111222333")]
    [InlineData("numéro de sécu 1 85 05 78 006 084 91", PiiType.NationalId, "1 85 05 78 006 084 91")]
    [InlineData("from 203.0.113.42 at night", PiiType.IpAddress, "203.0.113.42")]
    [InlineData("client 2001:db8:85a3::8a2e:370:7334 failed", PiiType.IpAddress, "2001:db8:85a3::8a2e:370:7334")]
    [InlineData("https://bob:hunter22@db.internal/x", PiiType.CredentialUrl, "hunter22")]
    [InlineData("see https://x.io/cb?code=1&access_token=abcDEF123456ghi", PiiType.CredentialUrl, "abcDEF123456ghi")]
    [InlineData("key sk-proj-abcdefghijklmnopqrstuvwxyz012345 leaked", PiiType.Secret, "sk-proj-abcdefghijklmnopqrstuvwxyz012345")]
    [InlineData("sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789", PiiType.Secret, "sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789")]
    [InlineData("AKIAIOSFODNN7EXAMPLE", PiiType.Secret, "AKIAIOSFODNN7EXAMPLE")]
    [InlineData("token ghp_abcdefghijklmnopqrstuvwxyz0123456789AB", PiiType.Secret, "ghp_abcdefghijklmnopqrstuvwxyz0123456789AB")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", PiiType.Secret, "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U")]
    [InlineData("password: Summer2024!", PiiType.Secret, "Summer2024!")]
    [InlineData("api_key=Zx81kQ0pL2mN4vB6cX9a", PiiType.Secret, "Zx81kQ0pL2mN4vB6cX9a")]
    [InlineData("Hi, my name is Siobhan O'Connor and I", PiiType.PersonName, "Siobhan O'Connor")]
    [InlineData("Thanks, Anna Müller", PiiType.PersonName, "Anna Müller")]
    [InlineData("Sehr geehrte Frau Schmidt,", PiiType.PersonName, "Schmidt")]
    [InlineData("ship to 221 Baker Street, London", PiiType.StreetAddress, "221 Baker Street")]
    [InlineData("Lieferadresse: Hauptstraße 5, 10115 Berlin", PiiType.StreetAddress, "Hauptstraße 5")]
    [InlineData("j'habite 12 rue de la Paix, Paris", PiiType.StreetAddress, "12 rue de la Paix")]
    [InlineData("Vivo en Calle Mayor 5, Madrid", PiiType.StreetAddress, "Calle Mayor 5")]
    [InlineData("envíelo a Parcela Sofía Naranjo s/n. por favor", PiiType.StreetAddress, "Parcela Sofía Naranjo s/n.")]
    [InlineData("Rambla Laura Saucedo s/n", PiiType.StreetAddress, "Rambla Laura Saucedo s/n")]
    [InlineData("I was born on 14/03/1985", PiiType.DateOfBirth, "14/03/1985")]
    [InlineData("DOB: March 14, 1985", PiiType.DateOfBirth, "March 14, 1985")]
    public void Finds_the_value(string text, PiiType type, string value)
    {
        var spans = PiiDetectors.Detect(text);

        Assert.Contains(spans, s => s.Type == type && text[s.Start..s.End] == value);
    }

    [Theory]
    [InlineData("Where is order ORD-2026-004512? It was placed 2026-06-01.")]
    [InlineData("SKU-4411-BLK costs $1,299.00 or €45,00, order A-1001.")]
    [InlineData("Model gpt-4.1-mini called get_order_status with {\"order_id\": \"A-1001\"}")]
    [InlineData("Tracking 1Z999AA10123456784, version 10.0.19045.1234, port 8080")]
    [InlineData("Timestamp 1719878400000 and invoice 4111111111111112")]
    [InlineData("May I return it? Will it arrive by Friday? The max_tokens: 1024 limit.")]
    [InlineData("The password reset link was sent. Your token count is 4000.")]
    [InlineData("Order Status: Delivered. Contact Support Team on Monday.")]
    [InlineData("localhost 127.0.0.1 at 12:30:45, std::vector")]
    [InlineData("Paris, Berlin and Madrid shipments; the Jordan sneakers in size 42")]
    public void Leaves_benign_text_alone(string text)
    {
        var spans = PiiDetectors.Detect(text);

        Assert.True(spans.Count == 0, string.Join(", ", spans.Select(s => $"{s.Type}:{text[s.Start..s.End]}")));
    }

    [Fact]
    public void Every_generated_valid_card_is_found_and_an_invalid_check_digit_is_not()
    {
        Gen.Long[400000000000000L, 499999999999999L].Sample(body =>
        {
            var digits = body.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var valid = digits + CheckDigits.LuhnCheckDigit(digits);
            var invalid = digits + (char)('0' + (valid[^1] - '0' + 1) % 10);
            Assert.Contains(PiiDetectors.Detect($"card {valid} ok"), s => s.Type == PiiType.PaymentCard);
            Assert.DoesNotContain(PiiDetectors.Detect($"card {invalid} ok"), s => s.Type == PiiType.PaymentCard);
        }, iter: 200);
    }

    [Fact]
    public void Merged_spans_never_overlap()
    {
        Gen.String[Gen.Char["ab @.0123456789-+:ASKJ"], 0, 80].Sample(text =>
        {
            var spans = PiiDetectors.Detect(text);
            for (var i = 1; i < spans.Count; i++) Assert.True(spans[i - 1].End <= spans[i].Start);
        }, iter: 300);
    }
}
