using System.Runtime.InteropServices;

namespace OllamaOrleans.Silo.Resources.Gpu;

/// <summary>
/// <c>nvmlDeviceGetComputeRunningProcesses*</c>: asked with no buffer it returns the count (as
/// INSUFFICIENT_SIZE); processes can start between the two calls, so the buffer gets some slack
/// and the call is retried a few times. Every process info struct starts with the pid (uint, offset
/// 0) and the used GPU memory (ulong, offset 8), whichever version the driver speaks.
/// </summary>
internal static unsafe class NvmlProcessList
{
    private const int Slack = 8;
    private const int Attempts = 3;

    public static NvmlReturn Read(delegate* unmanaged<nint, uint*, byte*, int> call, int stride, nint device, out (uint Pid, ulong UsedBytes)[] processes)
    {
        processes = [];
        uint count = 0;
        var result = (NvmlReturn)call(device, &count, null);
        for (var attempt = 0; attempt < Attempts && result == NvmlReturn.InsufficientSize; attempt++)
        {
            count += Slack;
            var buffer = new byte[count * stride];
            fixed (byte* infos = buffer)
            {
                result = (NvmlReturn)call(device, &count, infos);
            }

            if (result == NvmlReturn.Success)
            {
                processes = Decode(buffer, (int)count, stride);
            }
        }

        return result;
    }

    public static (uint Pid, ulong UsedBytes)[] Decode(ReadOnlySpan<byte> buffer, int count, int stride)
    {
        var result = new (uint, ulong)[count];
        for (var i = 0; i < count; i++)
        {
            var info = buffer.Slice(i * stride, stride);
            result[i] = (MemoryMarshal.Read<uint>(info), MemoryMarshal.Read<ulong>(info[8..]));
        }

        return result;
    }
}
