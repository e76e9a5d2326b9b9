using Xunit;

namespace HostAgent.Core.Tests.Bgp;

public class VtyshEchoTests
{
    [Fact]
    public void Split_EchoedCommands_OutputOfEach()
    {
        var output = "node# show a\nline 1\nline 2\nnode# show b\nnode# show c\n{\n}\n";

        var parts = VtyshEcho.Split(output, ["show a", "show b", "show c"]);

        Assert.Equal(["line 1\nline 2", "", "{\n}"], parts);
    }

    [Fact]
    public void Split_MissingEcho_NullFromThere()
    {
        var parts = VtyshEcho.Split("node# show a\nx\n", ["show a", "show b"]);

        Assert.Equal(["x", null], parts);
    }

    [Fact]
    public void Split_OutputLineLookingLikeALaterCommand_OnlyInOrder()
    {
        // A description ending in "# show b" before its turn is output, not an echo.
        var parts = VtyshEcho.Split("h# show a\n desc # show c\nh# show b\ny\nh# show c\nz", ["show a", "show b", "show c"]);

        Assert.Equal([" desc # show c", "y", "z"], parts);
    }
}
