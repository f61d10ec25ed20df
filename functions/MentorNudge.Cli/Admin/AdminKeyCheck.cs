using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace MentorNudge.Cli.Admin;

/// <summary>Compares the <c>X-Admin-Key</c> header with the host's key in constant time.</summary>
public sealed class AdminKeyCheck(string adminKey)
{
    public const string HeaderName = "X-Admin-Key";

    private readonly byte[] _expected = SHA256.HashData(Encoding.UTF8.GetBytes(adminKey));

    public bool IsAdmin(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var given = request.Headers[HeaderName].ToString();
        return given.Length > 0 && CryptographicOperations.FixedTimeEquals(_expected, SHA256.HashData(Encoding.UTF8.GetBytes(given)));
    }
}
