using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace MentorNudge.Web.Markup;

/// <summary>
/// A piece of markup that is already safe to write. Built from interpolated strings with
/// <see cref="Of"/>: the literal parts are markup, every value is HTML-encoded unless it is itself
/// <see cref="Html"/> (or a sequence of it). User content therefore cannot become markup by accident.
/// </summary>
public readonly record struct Html(string Value)
{
    public static Html Empty { get; } = new("");

    /// <summary>Markup from a template whose holes are encoded (attribute-safe: quotes are encoded too).</summary>
    public static Html Of(FormattableString template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var args = template.GetArguments().Select(Encode).ToArray();
        return new Html(string.Format(CultureInfo.InvariantCulture, template.Format, args));
    }

    /// <summary>The markup of every item, in order.</summary>
    public static Html Join(IEnumerable<Html> parts) => new(string.Concat(parts.Select(p => p.Value)));

    /// <summary>Markup when <paramref name="condition"/> holds, else nothing.</summary>
    public static Html If(bool condition, FormattableString template) => condition ? Of(template) : Empty;

    public override string ToString() => Value;

    private static string Encode(object? value) => value switch
    {
        null => "",
        Html h => h.Value,
        IEnumerable<Html> many => Join(many).Value,
        IFormattable f => HtmlEncoder.Default.Encode(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => HtmlEncoder.Default.Encode(value.ToString() ?? ""),
    };

    /// <summary>UTF-8 bytes of the markup.</summary>
    public byte[] ToUtf8() => Encoding.UTF8.GetBytes(Value);
}
