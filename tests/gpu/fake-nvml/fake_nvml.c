/*
 * A stand-in for libnvidia-ml.so.1 with two GPUs and fixed readings, written against the type and
 * function declarations of nvml.h (NVML API v12). It exists to check the C# binding's side of the
 * ABI (entry point names, struct layouts and versions, the two-call process list, string buffers)
 * on machines without a GPU; tests/gpu/check.sh checks the real library against nvidia-smi.
 */
#include <stddef.h>
#include <string.h>

typedef int nvmlReturn_t;
#define NVML_SUCCESS 0
#define NVML_ERROR_UNINITIALIZED 1
#define NVML_ERROR_INVALID_ARGUMENT 2
#define NVML_ERROR_INSUFFICIENT_SIZE 7
#define NVML_ERROR_ARGUMENT_VERSION_MISMATCH 25
#define NVML_VALUE_NOT_AVAILABLE (~0ULL)

typedef struct { unsigned int gpu; unsigned int memory; } nvmlUtilization_t;
typedef struct { unsigned long long total, free, used; } nvmlMemory_t;
typedef struct { unsigned int version; unsigned long long total, reserved, free, used; } nvmlMemory_v2_t;
#define NVML_STRUCT_VERSION(data, ver) (unsigned int)(sizeof(nvml ## data ## _v ## ver ## _t) | (ver << 24U))
#define nvmlMemory_v2 NVML_STRUCT_VERSION(Memory, 2)
typedef struct { unsigned int pid; unsigned long long usedGpuMemory; unsigned int gpuInstanceId; unsigned int computeInstanceId; } nvmlProcessInfo_t;

_Static_assert(sizeof(nvmlMemory_v2_t) == 40, "nvmlMemory_v2_t is 40 bytes");
_Static_assert(sizeof(nvmlProcessInfo_t) == 24, "nvmlProcessInfo_t is 24 bytes");

typedef struct {
    const char *uuid, *name;
    unsigned int util, temp, milliwatts;
    unsigned long long total, reserved, used, millijoules;
    unsigned int procs;
    nvmlProcessInfo_t proc[3];
} device_t;
typedef device_t *nvmlDevice_t;

static device_t devices[2] = {
    { "GPU-11111111-2222-3333-4444-555555555555", "NVIDIA H200", 87, 61, 412345, 150754820096ULL, 566231040ULL, 42949672960ULL, 98765432ULL,
      3, { { 4321, 40802189312ULL, 0xFFFFFFFF, 0xFFFFFFFF }, { 4400, NVML_VALUE_NOT_AVAILABLE, 0xFFFFFFFF, 0xFFFFFFFF }, { 4500, 1048576ULL, 0xFFFFFFFF, 0xFFFFFFFF } } },
    { "GPU-66666666-7777-8888-9999-000000000000", "NVIDIA L4", 3, 35, 16000, 24152899584ULL, 310378496ULL, 1048576ULL, 1234ULL, 0, { { 0 } } },
};
static int initialized;

nvmlReturn_t nvmlInit_v2(void) { initialized = 1; return NVML_SUCCESS; }
nvmlReturn_t nvmlShutdown(void) { initialized = 0; return NVML_SUCCESS; }
const char *nvmlErrorString(nvmlReturn_t result) { return result == NVML_ERROR_INSUFFICIENT_SIZE ? "Insufficient Size" : "Fake Error"; }

nvmlReturn_t nvmlDeviceGetCount_v2(unsigned int *count) { if (!initialized) return NVML_ERROR_UNINITIALIZED; *count = 2; return NVML_SUCCESS; }

nvmlReturn_t nvmlDeviceGetHandleByIndex_v2(unsigned int index, nvmlDevice_t *device)
{
    if (index > 1) return NVML_ERROR_INVALID_ARGUMENT;
    *device = &devices[index];
    return NVML_SUCCESS;
}

static nvmlReturn_t copy(const char *value, char *buffer, unsigned int length)
{
    if (strlen(value) + 1 > length) return NVML_ERROR_INSUFFICIENT_SIZE;
    memset(buffer, 'x', length); /* a binding that ignores the terminator reads garbage */
    strcpy(buffer, value);
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetUUID(nvmlDevice_t d, char *uuid, unsigned int length) { return copy(d->uuid, uuid, length); }
nvmlReturn_t nvmlDeviceGetName(nvmlDevice_t d, char *name, unsigned int length) { return copy(d->name, name, length); }
nvmlReturn_t nvmlSystemGetDriverVersion(char *version, unsigned int length) { return copy("570.86.15", version, length); }

nvmlReturn_t nvmlDeviceGetUtilizationRates(nvmlDevice_t d, nvmlUtilization_t *u) { u->gpu = d->util; u->memory = 1; return NVML_SUCCESS; }

nvmlReturn_t nvmlDeviceGetMemoryInfo(nvmlDevice_t d, nvmlMemory_t *m)
{
    m->total = d->total; m->used = d->used + d->reserved; m->free = m->total - m->used;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetMemoryInfo_v2(nvmlDevice_t d, nvmlMemory_v2_t *m)
{
    if (m->version != nvmlMemory_v2) return NVML_ERROR_ARGUMENT_VERSION_MISMATCH;
    m->total = d->total; m->reserved = d->reserved; m->used = d->used; m->free = d->total - d->reserved - d->used;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetTemperature(nvmlDevice_t d, int sensor, unsigned int *temp)
{
    if (sensor != 0) return NVML_ERROR_INVALID_ARGUMENT; /* NVML_TEMPERATURE_GPU */
    *temp = d->temp;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetPowerUsage(nvmlDevice_t d, unsigned int *power) { *power = d->milliwatts; return NVML_SUCCESS; }
nvmlReturn_t nvmlDeviceGetTotalEnergyConsumption(nvmlDevice_t d, unsigned long long *energy) { *energy = d->millijoules; return NVML_SUCCESS; }

nvmlReturn_t nvmlDeviceGetComputeRunningProcesses_v3(nvmlDevice_t d, unsigned int *count, nvmlProcessInfo_t *infos)
{
    if (d->procs == 0) { *count = 0; return NVML_SUCCESS; }
    if (*count < d->procs || infos == NULL) { *count = d->procs; return NVML_ERROR_INSUFFICIENT_SIZE; }
    memcpy(infos, d->proc, d->procs * sizeof(nvmlProcessInfo_t));
    *count = d->procs;
    return NVML_SUCCESS;
}

/* The original entry point must exist too; the binding prefers _v3. */
nvmlReturn_t nvmlDeviceGetComputeRunningProcesses(nvmlDevice_t d, unsigned int *count, void *infos) { (void)d; (void)count; (void)infos; return NVML_ERROR_INVALID_ARGUMENT; }
