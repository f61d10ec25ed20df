using System.Globalization;
using Azure.Data.Tables;

namespace MentorNudge.Infrastructure.Storage;

/// <summary>
/// A string property that may exceed Table storage's limit of 32K UTF-16 characters per property:
/// written as <c>Name</c>, <c>Name_2</c>, <c>Name_3</c>… of at most <see cref="ChunkLength"/>
/// characters each, read back joined. Short values stay one plain property, as before.
/// </summary>
internal static class LongStringProperty
{
    /// <summary>Below the 32,768-character limit, with room for a surrogate pair never to be split.</summary>
    public const int ChunkLength = 30_000;

    public static void Set(TableEntity entity, string name, string? value)
    {
        if (value is null || value.Length <= ChunkLength)
        {
            entity[name] = value;
            return;
        }

        var part = 1;
        for (var start = 0; start < value.Length; part++)
        {
            var length = Math.Min(ChunkLength, value.Length - start);

            // A chunk never ends between the halves of a surrogate pair (each half alone is not valid text).
            if (start + length < value.Length && char.IsHighSurrogate(value[start + length - 1]))
            {
                length--;
            }

            entity[ChunkName(name, part)] = value.Substring(start, length);
            start += length;
        }
    }

    public static string? Get(TableEntity entity, string name)
    {
        var first = entity.GetString(name);
        if (first is null || !entity.ContainsKey(ChunkName(name, 2)))
        {
            return first;
        }

        var parts = new List<string> { first };
        for (var part = 2; entity.GetString(ChunkName(name, part)) is { } next; part++)
        {
            parts.Add(next);
        }

        return string.Concat(parts);
    }

    private static string ChunkName(string name, int part) =>
        part == 1 ? name : string.Create(CultureInfo.InvariantCulture, $"{name}_{part}");
}
