namespace MentorNudge.Load.Infrastructure;

/// <summary>Tiny <c>--name value</c> / <c>--flag</c> parser; the tool has few options.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public Arguments(IEnumerable<string> args)
    {
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (pending is not null)
                {
                    _values[pending] = null;
                }

                pending = arg[2..];
            }
            else if (pending is not null)
            {
                _values[pending] = arg;
                pending = null;
            }
            else
            {
                Positional.Add(arg);
            }
        }

        if (pending is not null)
        {
            _values[pending] = null;
        }
    }

    public List<string> Positional { get; } = [];

    public bool Has(string name) => _values.ContainsKey(name);

    public string Get(string name, string fallback) => _values.TryGetValue(name, out var v) && v is not null ? v : fallback;

    public string Required(string name) =>
        _values.TryGetValue(name, out var v) && v is not null ? v : throw new ArgumentException($"--{name} is required.");

    public int GetInt(string name, int fallback) => int.TryParse(Get(name, ""), out var n) ? n : fallback;
}
