using System.Globalization;
using System.Text;

namespace HostAgent.Bench.Reporting;

/// <summary>The report: markdown on standard output, goals collected for a closing summary.</summary>
internal sealed class Markdown
{
    private readonly StringBuilder _text = new();
    private readonly List<string[]> _goals = [];

    public static string Ms(double milliseconds) => double.IsNaN(milliseconds)
        ? "n/a"
        : milliseconds < 10
            ? milliseconds.ToString("0.000", CultureInfo.InvariantCulture)
            : milliseconds.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Mib(long kilobytes) => (kilobytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);

    public static string Number(double value, string format = "0.00") =>
        double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);

    public static string Ratio(double numerator, double denominator) =>
        denominator > 0 && !double.IsNaN(numerator) ? Number(numerator / denominator, "0.00") + "×" : "n/a";

    public void Heading(string text) => _text.Append(CultureInfo.InvariantCulture, $"\n## {text}\n\n");

    public void Paragraph(string text) => _text.Append(text).Append("\n\n");

    public void Table(string[] header, IEnumerable<string[]> rows)
    {
        AppendRow(header);
        _text.Append('|').Append(string.Concat(header.Select(_ => "---|"))).Append('\n');
        foreach (var row in rows)
        {
            AppendRow(row);
        }
        _text.Append('\n');
    }

    /// <summary>Records a goal for the summary: lower is better for every goal here.</summary>
    public void Goal(string name, double measured, double limit, string unit)
    {
        var met = !double.IsNaN(measured) && measured < limit;
        var shown = unit == "%" ? Number(measured, "0.000") : unit == "MiB" ? Number(measured, "0.0") : Ms(measured);
        _goals.Add([name, $"< {Number(limit, "0.###")} {unit}", $"{shown} {unit}", met ? "met" : "**missed**"]);
    }

    public override string ToString()
    {
        if (_goals.Count == 0)
        {
            return _text.ToString();
        }
        var summary = new Markdown();
        summary.Heading("Goals");
        summary.Table(["goal", "target", "measured", "result"], _goals);
        return _text.ToString() + summary._text;
    }

    private void AppendRow(string[] cells) =>
        _text.Append("| ").Append(string.Join(" | ", cells)).Append(" |\n");
}
