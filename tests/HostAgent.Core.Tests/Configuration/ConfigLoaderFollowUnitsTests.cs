using HostAgent.Core.Configuration;
using Xunit;
using static HostAgent.Core.Tests.Configuration.ConfigTestSupport;

namespace HostAgent.Core.Tests.Configuration;

public class ConfigLoaderFollowUnitsTests
{
    [Fact]
    public void FollowUnits_NotGiven_RsyslogAndDocker()
    {
        var config = AssertValid(ConfigLoader.Parse(Minimal));

        Assert.Equal(["rsyslog.service", "docker.service"], config.Agent.FollowUnits);
    }

    [Fact]
    public void FollowUnits_Given_ReplacesDefaultInOrderWithoutDuplicates()
    {
        var config = AssertValid(ConfigLoader.Parse(Agent("\"followUnits\": [\"frr.service\", \"getty@tty1.service\", \"frr.service\"]")));

        Assert.Equal(["frr.service", "getty@tty1.service"], config.Agent.FollowUnits);
    }

    [Fact]
    public void FollowUnits_Empty_FollowsNone()
    {
        Assert.Empty(AssertValid(ConfigLoader.Parse(Agent("\"followUnits\": []"))).Agent.FollowUnits);
    }

    [Theory]
    [InlineData("\"rsyslog\"", "must end in a unit type, such as .service or .socket")]
    [InlineData("\".service\"", "must end in a unit type, such as .service or .socket")]
    [InlineData("\"bad name.service\"", "must contain only A-Z a-z 0-9 and : _ . - @ \\")]
    [InlineData("\"\"", "must be a unit name of 1 to 255 characters, such as \"rsyslog.service\"")]
    [InlineData("7", "must be a string")]
    public void FollowUnits_BadItem_ErrorAtItsIndex(string item, string rule)
    {
        var result = ConfigLoader.Parse(Agent($"\"followUnits\": [\"rsyslog.service\", {item}]"));

        AssertError(result, "agent.followUnits[1]", item, rule);
    }

    [Fact]
    public void FollowUnits_NotAList_Error()
    {
        AssertError(ConfigLoader.Parse(Agent("\"followUnits\": \"rsyslog.service\"")), "agent.followUnits", "\"rsyslog.service\"", "must be a list of strings");
    }

    [Fact]
    public void FollowUnits_FromEnvironment_JsonList()
    {
        var env = Environment(("HOSTAGENT__AGENT__FOLLOWUNITS", "[\"frr.service\"]"));

        Assert.Equal(["frr.service"], AssertValid(ConfigLoader.Parse(Minimal, env)).Agent.FollowUnits);
    }

    [Fact]
    public void FollowUnits_ToJson_RoundTrips()
    {
        var config = AssertValid(ConfigLoader.Parse(Agent("\"followUnits\": [\"frr.service\", \"rsyslog.service\"]")));

        Assert.Equal(config.Agent, AssertValid(ConfigLoader.Parse(ConfigLoader.ToJson(config))).Agent);
    }
}
