using System.Security.Cryptography;
using OtpNet;

namespace EarlyHelp.Analytics.Hub.Users;

/// <summary>The hash a time-based one-time password is computed with (RFC 6238 section 1.2).</summary>
public enum OneTimePasswordHash
{
    /// <summary>HMAC-SHA-1: what authenticator apps assume when a URI names none.</summary>
    Sha1,

    /// <summary>HMAC-SHA-256.</summary>
    Sha256,

    /// <summary>HMAC-SHA-512.</summary>
    Sha512,
}

/// <summary>
/// Time-based one-time passwords (TOTP, RFC 6238) as authenticator apps compute them: 30-second steps counted from the
/// Unix epoch, 6 digits, HMAC-SHA-1 unless another hash is named. Computed by Otp.NET.
/// </summary>
public static class OneTimePasswords
{
    /// <summary>Seconds per step (RFC 6238's default, and every common app's).</summary>
    public const int StepSeconds = 30;

    /// <summary>Digits in a code.</summary>
    public const int Digits = 6;

    /// <summary>Bytes of a new secret: 160 bits, RFC 4226 section 4's recommended length for HMAC-SHA-1.</summary>
    public const int SecretBytes = 20;

    /// <summary>A new random secret in base32, the form apps take.</summary>
    public static string NewSecret() => Base32Encoding.ToString(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>The code for <paramref name="secret"/> (raw bytes) at <paramref name="at"/>.</summary>
    public static string Compute(byte[] secret, DateTimeOffset at, OneTimePasswordHash hash = OneTimePasswordHash.Sha1, int digits = Digits) =>
        new Totp(secret, StepSeconds, Mode(hash), digits).ComputeTotp(at.UtcDateTime);

    /// <summary>The step a code falls in at <paramref name="at"/>: seconds since the Unix epoch over <see cref="StepSeconds"/>.</summary>
    public static long Step(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>
    /// The step whose code <paramref name="code"/> is for <paramref name="base32Secret"/>, allowing one step either side of
    /// <paramref name="at"/> for clock drift and typing time (RFC 6238 section 5.2); null when it matches none.
    /// </summary>
    public static long? MatchingStep(string base32Secret, string code, DateTimeOffset at)
    {
        var digitsOnly = new string((code ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (digitsOnly.Length != Digits || !digitsOnly.All(char.IsAsciiDigit))
            return null;
        var totp = new Totp(Base32Encoding.ToBytes(base32Secret), StepSeconds, OtpHashMode.Sha1, Digits);
        return totp.VerifyTotp(at.UtcDateTime, digitsOnly, out var step, new VerificationWindow(previous: 1, future: 1)) ? step : null;
    }

    /// <summary>The <c>otpauth://</c> URI an authenticator app reads (usually from a QR code) to add the account.</summary>
    public static Uri EnrolmentUri(string issuer, string username, string base32Secret) =>
        new($"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(username)}?secret={base32Secret}" +
            $"&issuer={Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits={Digits}&period={StepSeconds}");

    private static OtpHashMode Mode(OneTimePasswordHash hash) => hash switch
    {
        OneTimePasswordHash.Sha1 => OtpHashMode.Sha1,
        OneTimePasswordHash.Sha256 => OtpHashMode.Sha256,
        OneTimePasswordHash.Sha512 => OtpHashMode.Sha512,
        _ => throw new ArgumentOutOfRangeException(nameof(hash), hash, "Unknown hash."),
    };
}
