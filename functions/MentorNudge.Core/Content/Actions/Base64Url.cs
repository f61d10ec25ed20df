namespace MentorNudge.Core.Content.Actions;

/// <summary>Base64url without padding (RFC 4648 §5), safe in a URL path segment.</summary>
internal static class Base64Url
{
    public static string Encode(ReadOnlySpan<byte> bytes) =>
        System.Buffers.Text.Base64Url.EncodeToString(bytes);

    /// <summary>Decodes, or null when the text is not strict base64url.</summary>
    public static byte[]? Decode(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
            {
                return null;
            }
        }

        try
        {
            var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(text);
            // Refuse non-canonical encodings so that one token has exactly one spelling.
            return Encode(bytes).AsSpan().SequenceEqual(text) ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
