#ifndef COPYSCAN_CPUFEATURES_H
#define COPYSCAN_CPUFEATURES_H
/// 1 when the running CPU (and OS) can execute the AVX2 code (AVX2 with the x86-64-v3 bit
/// instructions and FMA), else 0.
int copyscan_cpu_has_avx2(void);
#endif
