/// PLACEHOLDER: the same SIMD kernel source compiled for x86-64-v3 (AVX2).
public enum MinHashAVX2 {}
