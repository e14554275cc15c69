#ifndef COPYSCAN_CPUFEATURES_H
#define COPYSCAN_CPUFEATURES_H
/// 1 when the running CPU (and OS) can execute AVX2 code, else 0.
int copyscan_cpu_has_avx2(void);
#endif
