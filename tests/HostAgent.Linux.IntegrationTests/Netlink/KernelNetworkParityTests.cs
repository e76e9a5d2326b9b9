using HostAgent.Core.Networking;
using HostAgent.Linux.Netlink;
using HostAgent.TestFakes;
using HostAgent.TestLab;
using Xunit;

namespace HostAgent.Linux.IntegrationTests.Netlink;

/// <summary>The fake used by unit tests must refuse what the kernel refuses, with the same errno and message.</summary>
public sealed class KernelNetworkParityTests
{
    [SkippableFact]
    public void FakeKernelNetwork_SameScenarioAsKernel_SameOutcomes()
    {
        Lab.RequireRoot();
        using var ns = new TestNetns();
        using var kernel = new RtnetlinkKernelNetwork(ns.Namespace);

        var real = Scenario(kernel);
        var fake = Scenario(new FakeKernelNetwork());

        Assert.Equal(real.Count, fake.Count);
        for (var i = 0; i < real.Count; i++)
        {
            // The kernel may append its own reason after the common part.
            Assert.StartsWith(fake[i], real[i], StringComparison.Ordinal);
        }
    }

    /// <summary>Runs the same steps and describes each outcome, with indexes replaced by their role.</summary>
    private static List<string> Scenario(IKernelNetwork network)
    {
        var outcomes = new List<string>();
        var gateway = Prefixes.Parse("10.216.0.1/24");
        var index = network.CreateBridge("br0", 1500);
        string Outcome(Action step)
        {
            try
            {
                step();
                return "ok";
            }
            catch (KernelNetworkException exception)
            {
                return $"errno {exception.Errno}: {exception.Message.Replace($"ifindex {index}", "ifindex BR", StringComparison.Ordinal)}";
            }
        }

        outcomes.Add(Outcome(() => network.CreateBridge("br0", 1500)));
        outcomes.Add(Outcome(() => network.AddAddress(index, gateway)));
        outcomes.Add(Outcome(() => network.AddAddress(index, gateway)));
        outcomes.Add(Outcome(() => network.AddAddress(index, Prefixes.Parse("10.216.0.1/16"))));
        outcomes.Add(Outcome(() => network.DeleteAddress(index, Prefixes.Parse("10.216.0.9/24"))));
        outcomes.Add(Outcome(() => network.DeleteAddress(index, Prefixes.Parse("10.216.0.1/16"))));
        outcomes.Add(Outcome(() => network.SetMtu(index, 9000)));
        outcomes.Add(Outcome(() => network.SetMtu(index, 10)));
        outcomes.Add(Outcome(() => network.SetMtu(index, 70000)));
        outcomes.Add(Outcome(() => network.SetLinkUp(index)));
        outcomes.Add(Outcome(() => network.SetLinkUp(4242)));
        outcomes.Add(Outcome(() => network.SetMtu(4242, 1500)));
        outcomes.Add(Outcome(() => network.AddAddress(4242, gateway)));
        outcomes.Add(Outcome(() => network.DeleteAddress(4242, gateway)));
        outcomes.Add(Outcome(() => network.CreateBridge("br1", 10)));
        var link = network.GetLink("br0");
        outcomes.Add($"link {link?.Name} {link?.Kind} up={link?.AdminUp} oper={link?.OperUp} mtu={link?.Mtu}");
        outcomes.Add($"addresses {string.Join(",", network.GetAddresses(index).OrderBy(a => a.Address))}");
        outcomes.Add(Outcome(() => network.GetAddresses(4242)));
        outcomes.Add($"missing link {network.GetLink("nope") is null}");
        return outcomes;
    }
}
