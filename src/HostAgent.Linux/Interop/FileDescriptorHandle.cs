using Microsoft.Win32.SafeHandles;

namespace HostAgent.Linux.Interop;

/// <summary>Owns a raw file descriptor and closes it exactly once.</summary>
internal sealed class FileDescriptorHandle : SafeHandleMinusOneIsInvalid
{
    public FileDescriptorHandle(int fd)
        : base(ownsHandle: true) => SetHandle(fd);

    /// <summary>The descriptor number, for APIs such as poll that take it inside a struct.</summary>
    public int Fd => (int)handle;

    protected override bool ReleaseHandle() => LibC.Close((int)handle) == 0;
}
