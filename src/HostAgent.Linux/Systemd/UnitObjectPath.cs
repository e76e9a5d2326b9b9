using System.Text;

namespace HostAgent.Linux.Systemd;

/// <summary>
/// The D-Bus object path systemd gives a unit: every byte that is not an ASCII letter (or a digit after
/// the first) becomes _xx in hex, e.g. rsyslog.service is /org/freedesktop/systemd1/unit/rsyslog_2eservice.
/// Known up front, so the agent can subscribe to a unit's signals before it reads the unit's state.
/// </summary>
public static class UnitObjectPath
{
    public const string Prefix = "/org/freedesktop/systemd1/unit/";

    public static string For(string unit)
    {
        if (unit.Length == 0)
        {
            return Prefix + "_";
        }
        var path = new StringBuilder(Prefix, Prefix.Length + (unit.Length * 3));
        var bytes = Encoding.UTF8.GetBytes(unit);
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (char.IsAsciiLetter((char)b) || (i > 0 && char.IsAsciiDigit((char)b)))
            {
                path.Append((char)b);
            }
            else
            {
                path.Append('_').Append(Convert.ToHexStringLower([b]));
            }
        }
        return path.ToString();
    }
}
