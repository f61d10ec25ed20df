using System.Globalization;
using System.Text;

namespace MentorNudge.Core.Tests.Import;

/// <summary>A LinkedIn Connections.csv of any length, generated as it is read (never held whole in memory).</summary>
public sealed class GeneratedLinkedInExport(int rows) : TextReader
{
    private const string Preamble = "Notes:\r\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n";

    private readonly StringBuilder _buffer = new(Preamble);
    private int _position;
    private int _row;

    /// <summary>The row of connection <paramref name="i"/> (every third has no email, as in real exports).</summary>
    public static string Row(int i) => string.Create(
        CultureInfo.InvariantCulture,
        $"Person{i},Surname{i},https://www.linkedin.com/in/person-{i},{(i % 3 == 0 ? "" : $"person{i}@example.com")},Company {i % 50},\"Engineer, level {i % 7}\",01 Jan 2024\r\n");

    public override int Peek() => Fill() ? _buffer[_position] : -1;

    public override int Read() => Fill() ? _buffer[_position++] : -1;

    public override int Read(char[] buffer, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (!Fill())
        {
            return 0;
        }

        var n = Math.Min(count, _buffer.Length - _position);
        _buffer.CopyTo(_position, buffer, index, n);
        _position += n;
        return n;
    }

    private bool Fill()
    {
        while (_position >= _buffer.Length)
        {
            if (_row >= rows)
            {
                return false;
            }

            _buffer.Clear().Append(Row(_row++));
            _position = 0;
        }

        return true;
    }
}
