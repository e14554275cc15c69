#include "CPUFeatures.h"

int copyscan_cpu_has_avx2(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_cpu_init();
    // The AVX2 code is compiled for x86-64-v3 (the MinHash kernel) or uses its bit
    // instructions (BMI1, BMI2, LZCNT in the normaliser's block decoder): ask for all of it.
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") && __builtin_cpu_supports("bmi2")
        && __builtin_cpu_supports("lzcnt") && __builtin_cpu_supports("popcnt") && __builtin_cpu_supports("fma")
        && __builtin_cpu_supports("f16c") && __builtin_cpu_supports("movbe") ? 1 : 0;
#else
    return 0;
#endif
}
