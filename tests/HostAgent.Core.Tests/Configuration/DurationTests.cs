using HostAgent.Core.Configuration;
using Xunit;

namespace HostAgent.Core.Tests.Configuration;

public class DurationTests
{
    [Theory]
    [InlineData("1ms", 1)]
    [InlineData("500ms", 500)]
    [InlineData("1500ms", 1500)]
    [InlineData("30s", 30_000)]
    [InlineData("90s", 90_000)]
    [InlineData("5m", 300_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("24h", 86_400_000)]
    [InlineData("1440m", 86_400_000)]
    [InlineData("86400000ms", 86_400_000)]
    [InlineData("007s", 7_000)]
    public void TryParse_Valid_ReturnsDuration(string text, long milliseconds)
    {
        Assert.True(Duration.TryParse(text, out var value, out var error));
        Assert.Null(error);
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0s")]
    [InlineData("0ms")]
    [InlineData("000h")]
    [InlineData("s")]
    [InlineData("30")]
    [InlineData("30 s")]
    [InlineData(" 30s")]
    [InlineData("30s ")]
    [InlineData("-5s")]
    [InlineData("+5s")]
    [InlineData("1.5s")]
    [InlineData("5S")]
    [InlineData("5MS")]
    [InlineData("5sec")]
    [InlineData("5us")]
    [InlineData("1d")]
    [InlineData("1h30m")]
    [InlineData("PT30S")]
    public void TryParse_Malformed_ReportsRule(string text)
    {
        Assert.False(Duration.TryParse(text, out _, out var error));
        Assert.Equal("must be a positive duration such as 500ms, 30s or 5m", error);
    }

    [Theory]
    [InlineData("25h")]
    [InlineData("1441m")]
    [InlineData("86401s")]
    [InlineData("86400001ms")]
    [InlineData("99999999999999999999h")]
    public void TryParse_OverADay_ReportsMaximum(string text)
    {
        Assert.False(Duration.TryParse(text, out _, out var error));
        Assert.Equal("must be at most 24h", error);
    }

    [Theory]
    [InlineData(200, "200ms")]
    [InlineData(1_500, "1500ms")]
    [InlineData(30_000, "30s")]
    [InlineData(90_000, "90s")]
    [InlineData(300_000, "5m")]
    [InlineData(5_400_000, "90m")]
    [InlineData(3_600_000, "1h")]
    [InlineData(0, "0ms")]
    public void Format_WholeMilliseconds_UsesLargestExactUnit(long milliseconds, string expected)
    {
        Assert.Equal(expected, Duration.Format(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Fact]
    public void Format_SubMillisecond_RoundsUp()
    {
        Assert.Equal("2ms", Duration.Format(TimeSpan.FromTicks(TimeSpan.TicksPerMillisecond + 1)));
    }

    [Theory]
    [InlineData("1ms")]
    [InlineData("45s")]
    [InlineData("7m")]
    [InlineData("24h")]
    public void Format_ParsedValue_RoundTrips(string text)
    {
        Assert.True(Duration.TryParse(text, out var value, out _));

        Assert.Equal(text, Duration.Format(value));
    }
}
