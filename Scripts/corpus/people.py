"""Fictional people and places: names are drawn from common surnames and given-name syllables,
so they are plausible without being anyone in particular."""
from __future__ import annotations

from dataclasses import dataclass

from .korean import SURNAME_ROMAN, romanize

SURNAMES = ("김 김 김 김 이 이 이 박 박 최 최 정 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 전 홍 고 문 양 손 "
            "배 백 허 유 남 심 노 하 곽 성 차 주 우 구 민 진 나 지 엄 채 원 천 방 공 현 함 변 염 여 추 "
            "도 소 석 선 설 마 길 연 위 표 명 기 반 금 옥 인 맹 제 모 탁 국 편 용 남궁 황보 선우").split()
GIVEN_FIRST = ("민 서 지 현 수 준 예 하 도 유 은 재 승 태 성 동 상 영 정 경 혜 윤 진 주 우 시 다 채 소 세 "
               "나 가 한 규 병 석 철 용 종 희 미 명 선 인 창 광 기 원 호 건 찬 형 효 보 연 아 선 해 온 "
               "새 늘 슬 람 솔 린 율 로 휘 범 훈 혁 준 강 두 봉 길 충 덕").split()
GIVEN_SECOND = ("준 우 연 아 윤 진 민 서 현 호 희 영 수 빈 원 은 훈 혁 석 철 재 경 주 성 율 린 나 지 "
                "하 름 솔 별 결 람 온 찬 규 태 식 욱 범 환 기 용 형 균 섭 택 열 국 근 임 선 미 정 숙 "
                "자 옥 남 순 애 란 혜 화 인 안 웅 한 후 건 오 완 일").split()

# Real city and county names (places are not people; the brief allows them).
CITIES = ("서울 부산 대구 인천 광주 대전 울산 세종 수원 창원 고양 용인 성남 청주 전주 천안 포항 제주 강릉 "
          "춘천 원주 여수 순천 목포 안동 경주 김해 진주 군산 익산 구미 평택 화성 안산 안양 파주 김포 "
          "의정부 시흥 남양주 충주 제천 아산 서산 당진 논산 공주 정읍 남원 광양 나주 영주 상주 문경 "
          "거제 통영 양산 밀양 속초 동해 삼척 태백 홍천 횡성 평창 단양 보령 서귀포 이천 여주 광명").split()
PROVINCES = ("경기 강원 충북 충남 전북 전남 경북 경남 제주 수도권 영남 호남 충청 영동 영서 "
             "서해안 남해안 동해안 내륙").split()


@dataclass(frozen=True)
class Person:
    surname: str
    given: str

    @property
    def name(self) -> str:
        return self.surname + self.given

    def email_local(self, style: int) -> str:
        sur = SURNAME_ROMAN.get(self.surname) or romanize(self.surname)
        g = [romanize(ch) for ch in self.given]
        if style == 0:
            return sur
        if style == 1:
            return sur + "".join(x[0] for x in g if x)
        if style == 2:
            return "".join(g) + "." + sur
        return sur + "".join(g)


def make_person(rng) -> Person:
    r = rng.random
    given = GIVEN_FIRST[int(r() * len(GIVEN_FIRST))] + GIVEN_SECOND[int(r() * len(GIVEN_SECOND))]
    return Person(SURNAMES[int(r() * len(SURNAMES))], given)
