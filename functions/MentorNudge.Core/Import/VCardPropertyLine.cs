using System.Text;

namespace MentorNudge.Core.Import;

/// <summary>One vCard content line being unfolded (for <see cref="VCardReader"/>): <c>[group.]NAME[;param…]:value</c>.</summary>
internal sealed class VCardPropertyLine
{
    private readonly StringBuilder _value = new();
    private readonly string _parameters;

    private VCardPropertyLine(string name, string parameters, int line)
    {
        Name = name;
        _parameters = parameters;
        Line = line;
        IsWanted = VCardReader.Wanted.Contains(name);
        IsQuotedPrintable = parameters.Contains("QUOTED-PRINTABLE", StringComparison.OrdinalIgnoreCase);
    }

    public string Name { get; }

    public int Line { get; }

    public bool IsWanted { get; }

    public bool IsQuotedPrintable { get; }

    public bool AwaitsSoftBreak => IsQuotedPrintable && _value.Length > 0 && _value[^1] == '=';

    public string RawValue => _value.ToString();

    public static VCardPropertyLine Parse(string line, int lineNumber)
    {
        // The name and parameters end at the first ':' outside a quoted parameter value.
        var colon = -1;
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"')
            {
                quoted = !quoted;
            }
            else if (line[i] == ':' && !quoted)
            {
                colon = i;
                break;
            }
        }

        var head = colon < 0 ? line : line[..colon];
        var semicolon = head.IndexOf(';', StringComparison.Ordinal);
        var name = semicolon < 0 ? head : head[..semicolon];
        var dot = name.LastIndexOf('.');
        if (dot >= 0)
        {
            name = name[(dot + 1)..];
        }

        var property = new VCardPropertyLine(name.Trim(), semicolon < 0 ? "" : head[(semicolon + 1)..], lineNumber);
        if (colon >= 0)
        {
            property.Append(line.AsSpan(colon + 1));
        }

        return property;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        // Unwanted properties (a photo folded over thousands of lines) are not kept.
        if (!IsWanted && !Name.Equals("BEGIN", StringComparison.OrdinalIgnoreCase) && !Name.Equals("END", StringComparison.OrdinalIgnoreCase))
        {
            if (IsQuotedPrintable)
            {
                _value.Clear().Append(text.Length > 0 && text[^1] == '=' ? "=" : "");
            }

            return;
        }

        if (IsQuotedPrintable && _value.Length > 0 && _value[^1] == '=')
        {
            // The soft line break ends here; the value goes on with this text.
            _value.Length--;
        }

        var room = VCardReader.MaxValueLength - _value.Length;
        if (room > 0)
        {
            _value.Append(text.Length <= room ? text : text[..room]);
        }
    }

    /// <summary>The value decoded from quoted-printable (in its CHARSET, default UTF-8) when so encoded.</summary>
    public string Value()
    {
        var raw = _value.ToString();
        return IsQuotedPrintable ? DecodeQuotedPrintable(raw, CharsetOf(_parameters)) : raw;
    }

    private static Encoding CharsetOf(string parameters)
    {
        foreach (var p in parameters.Split(';'))
        {
            var eq = p.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && p[..eq].Trim().Equals("CHARSET", StringComparison.OrdinalIgnoreCase))
            {
                try
                {
                    return Encoding.GetEncoding(p[(eq + 1)..].Trim().Trim('"'));
                }
                catch (ArgumentException)
                {
                    return Encoding.UTF8;
                }
            }
        }

        return Encoding.UTF8;
    }

    private static string DecodeQuotedPrintable(string value, Encoding encoding)
    {
        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '=' && i + 2 < value.Length && Uri.IsHexDigit(value[i + 1]) && Uri.IsHexDigit(value[i + 2]))
            {
                bytes.Add(Convert.ToByte(value.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (c == '=' && i == value.Length - 1)
            {
                // A trailing soft line break: nothing.
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }

        return encoding.GetString(bytes.ToArray());
    }
}
