using System.Runtime.InteropServices;

namespace FactCheck.Readers;

/// <summary>What a path is, after following symbolic links.</summary>
public enum FileKind { Missing, Regular, Directory, Fifo, CharDevice, BlockDevice, Socket, Other }

/// <summary>The kind of a path (symlinks followed), its device and inode (to read a file reached twice only once) and size.</summary>
public readonly record struct FileIdentity(FileKind Kind, long Device, long Inode, long Size)
{
    /// <summary>A description for messages ("a named pipe (FIFO)", "a character device").</summary>
    public string Describe() => Kind switch
    {
        FileKind.Fifo => "a named pipe (FIFO)",
        FileKind.CharDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.Directory => "a folder",
        FileKind.Missing => "missing",
        _ => "not a regular file",
    };
}

/// <summary>stat(2) without opening the file: opening a FIFO blocks and reading /dev/zero never ends, so the kind is
/// decided first. On platforms where the call is not available the answer falls back to File/Directory.Exists.</summary>
public static class FileProbe
{
    [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
    private static extern int stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] buf);

    private static bool nativeOk = OperatingSystem.IsLinux() &&
        RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    /// <summary>The identity of <paramref name="path"/>, following symbolic links (a dangling link or a loop is Missing).</summary>
    public static FileIdentity Probe(string path)
    {
        if (nativeOk)
        {
            try
            {
                var buf = new byte[256];
                if (stat(path, buf) != 0) return new FileIdentity(FileKind.Missing, 0, 0, 0);
                long dev = BitConverter.ToInt64(buf, 0), ino = BitConverter.ToInt64(buf, 8);
                // struct stat: x86_64 has st_nlink (8 bytes) before st_mode; the generic layout (arm64) has st_mode first
                bool x64 = RuntimeInformation.ProcessArchitecture == Architecture.X64;
                uint mode = BitConverter.ToUInt32(buf, x64 ? 24 : 16);
                long size = BitConverter.ToInt64(buf, 48);
                var kind = (mode & 0xF000) switch
                {
                    0x8000 => FileKind.Regular, 0x4000 => FileKind.Directory, 0x1000 => FileKind.Fifo,
                    0x2000 => FileKind.CharDevice, 0x6000 => FileKind.BlockDevice, 0xC000 => FileKind.Socket, _ => FileKind.Other,
                };
                return new FileIdentity(kind, dev, ino, size);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { nativeOk = false; }
        }
        if (Directory.Exists(path)) return new FileIdentity(FileKind.Directory, 0, 0, 0);
        if (File.Exists(path)) return new FileIdentity(FileKind.Regular, 0, 0, new FileInfo(path).Length);
        return new FileIdentity(FileKind.Missing, 0, 0, 0);
    }
}
