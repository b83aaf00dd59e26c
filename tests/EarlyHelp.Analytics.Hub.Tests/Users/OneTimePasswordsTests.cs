using System.Text;
using EarlyHelp.Analytics.Hub.Users;

namespace EarlyHelp.Analytics.Hub.Tests.Users;

/// <summary>Time-based one-time passwords against RFC 6238 Appendix B, and the replay window.</summary>
public sealed class OneTimePasswordsTests
{
    // RFC 6238 Appendix B's seeds: the ASCII digits "1234567890" repeated to 20, 32 and 64 bytes.
    private static readonly Dictionary<OneTimePasswordHash, byte[]> Seeds = new()
    {
        [OneTimePasswordHash.Sha1] = Encoding.ASCII.GetBytes("12345678901234567890"),
        [OneTimePasswordHash.Sha256] = Encoding.ASCII.GetBytes("12345678901234567890123456789012"),
        [OneTimePasswordHash.Sha512] = Encoding.ASCII.GetBytes("1234567890123456789012345678901234567890123456789012345678901234"),
    };

    // RFC 6238 Appendix B, table of test vectors: Unix time, mode, 8-digit TOTP.
    [Theory]
    [InlineData(59L, OneTimePasswordHash.Sha1, "94287082")]
    [InlineData(59L, OneTimePasswordHash.Sha256, "46119246")]
    [InlineData(59L, OneTimePasswordHash.Sha512, "90693936")]
    [InlineData(1111111109L, OneTimePasswordHash.Sha1, "07081804")]
    [InlineData(1111111109L, OneTimePasswordHash.Sha256, "68084774")]
    [InlineData(1111111109L, OneTimePasswordHash.Sha512, "25091201")]
    [InlineData(1111111111L, OneTimePasswordHash.Sha1, "14050471")]
    [InlineData(1111111111L, OneTimePasswordHash.Sha256, "67062674")]
    [InlineData(1111111111L, OneTimePasswordHash.Sha512, "99943326")]
    [InlineData(1234567890L, OneTimePasswordHash.Sha1, "89005924")]
    [InlineData(1234567890L, OneTimePasswordHash.Sha256, "91819424")]
    [InlineData(1234567890L, OneTimePasswordHash.Sha512, "93441116")]
    [InlineData(2000000000L, OneTimePasswordHash.Sha1, "69279037")]
    [InlineData(2000000000L, OneTimePasswordHash.Sha256, "90698825")]
    [InlineData(2000000000L, OneTimePasswordHash.Sha512, "38618901")]
    [InlineData(20000000000L, OneTimePasswordHash.Sha1, "65353130")]
    [InlineData(20000000000L, OneTimePasswordHash.Sha256, "77737706")]
    [InlineData(20000000000L, OneTimePasswordHash.Sha512, "47863826")]
    public void Compute_Rfc6238AppendixB_MatchesTheVector(long unixTime, OneTimePasswordHash hash, string expected)
    {
        Assert.Equal(expected, OneTimePasswords.Compute(Seeds[hash], DateTimeOffset.FromUnixTimeSeconds(unixTime), hash, digits: 8));
    }

    [Fact]
    public void MatchingStep_CodeOfTheStepBeforeOrAfter_AcceptedTwoStepsAway_Refused()
    {
        // RFC 6238's SHA-1 seed is "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ" in base32 (RFC 4648 section 6 alphabet).
        const string secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        var at = DateTimeOffset.FromUnixTimeSeconds(1111111109);
        // The last 6 of RFC 6238's 8-digit code at 1111111109 (step 37037036): "07081804" → "081804".
        var code = OneTimePasswords.Compute(Seeds[OneTimePasswordHash.Sha1], at);
        Assert.Equal("081804", code);

        Assert.Equal(37037036, OneTimePasswords.MatchingStep(secret, code, at));
        Assert.Equal(37037036, OneTimePasswords.MatchingStep(secret, "081 804", at.AddSeconds(30)));
        Assert.Null(OneTimePasswords.MatchingStep(secret, code, at.AddSeconds(61)));
        Assert.Null(OneTimePasswords.MatchingStep(secret, "08180", at));
    }

    [Fact]
    public void EnrolmentUri_NamesIssuerUserSecretAndParameters()
    {
        Assert.Equal("otpauth://totp/EarlyHelp:a.new.user?secret=GEZDGNBV&issuer=EarlyHelp&algorithm=SHA1&digits=6&period=30",
            OneTimePasswords.EnrolmentUri("EarlyHelp", "a.new.user", "GEZDGNBV").ToString());
    }
}
