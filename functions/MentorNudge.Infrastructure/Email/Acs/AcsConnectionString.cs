namespace MentorNudge.Infrastructure.Email.Acs;

/// <summary>An ACS connection string, <c>endpoint=https://…/;accesskey=&lt;base64&gt;</c>, parsed.</summary>
public sealed class AcsConnectionString
{
    private AcsConnectionString(Uri endpoint, byte[] accessKey)
    {
        Endpoint = endpoint;
        AccessKey = accessKey;
    }

    /// <summary>The resource endpoint, e.g. <c>https://contoso.communication.azure.com/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The decoded HMAC key.</summary>
    public ReadOnlyMemory<byte> AccessKey { get; }

    /// <summary>Parses the string; the error message never repeats the key.</summary>
    public static AcsConnectionString Parse(string connectionString)
    {
        if (!TryParse(connectionString, out var parsed, out var error))
        {
            throw new FormatException(error);
        }

        return parsed;
    }

    /// <summary>Parses the string, or says (without the key) what is wrong with it.</summary>
    public static bool TryParse(string? connectionString, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AcsConnectionString? parsed, out string error)
    {
        parsed = null;
        string? endpoint = null;
        string? key = null;
        foreach (var part in (connectionString ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var name = part[..eq].Trim();
            var value = part[(eq + 1)..].Trim();
            if (name.Equals("endpoint", StringComparison.OrdinalIgnoreCase))
            {
                endpoint = value;
            }
            else if (name.Equals("accesskey", StringComparison.OrdinalIgnoreCase))
            {
                key = value;
            }
        }

        if (endpoint is null || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            error = "The ACS connection string needs endpoint=https://<resource>.communication.azure.com/.";
            return false;
        }

        if (string.IsNullOrEmpty(key))
        {
            error = "The ACS connection string needs accesskey=<base64 key>.";
            return false;
        }

        byte[] keyBytes;
        try
        {
            keyBytes = Convert.FromBase64String(key);
        }
        catch (FormatException)
        {
            error = "The ACS connection string's accesskey is not valid base64.";
            return false;
        }

        parsed = new AcsConnectionString(uri, keyBytes);
        error = "";
        return true;
    }
}
