using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MentorNudge.Core.Content.Digest;

/// <summary>
/// A hash that is the same on every machine, process and .NET version (unlike
/// <c>string.GetHashCode</c>), so a digest is reproducible from its inputs.
/// </summary>
internal static class StableHash
{
    public static ulong Of(params string[] parts)
    {
        var bytes = Encoding.UTF8.GetBytes(string.Join('\u001f', parts));
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(bytes, digest);
        return BinaryPrimitives.ReadUInt64BigEndian(digest);
    }

    public static int Index(int count, params string[] parts) =>
        count <= 0 ? throw new ArgumentOutOfRangeException(nameof(count)) : (int)(Of(parts) % (ulong)count);
}
