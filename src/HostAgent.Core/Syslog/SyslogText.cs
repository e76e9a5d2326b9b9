using System.Security.Cryptography;
using System.Text;

namespace HostAgent.Core.Syslog;

/// <summary>How modes and contents are written in plans, status and marker files.</summary>
public static class SyslogText
{
    public static string Mode(int mode) => "0" + Convert.ToString(mode, 8).PadLeft(3, '0');

    /// <summary>The SHA-256 of a file's text, as lower-case hex; what the applied-drop-in marker holds.</summary>
    public static string Hash(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
}
