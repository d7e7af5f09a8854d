import datetime as dt

from cdsdesk.domain.rules import classify_target, fit_trend, is_completed_late, is_due_soon, is_overdue
from cdsdesk.domain.status import TargetClass

D = dt.date


def test_overdue_is_derived_from_deadline_and_status():
    assert is_overdue("in_progress", D(2024, 6, 30), D(2024, 7, 1))
    assert not is_overdue("in_progress", D(2024, 6, 30), D(2024, 6, 30))
    assert not is_overdue("done", D(2024, 6, 30), D(2024, 7, 1))
    assert not is_overdue("in_progress", None, D(2024, 7, 1))
    assert is_due_soon("not_started", D(2024, 7, 20), D(2024, 7, 1))
    assert not is_due_soon("done", D(2024, 7, 20), D(2024, 7, 1))
    assert is_completed_late("done", D(2024, 6, 30), D(2024, 7, 2))
    assert not is_completed_late("done", D(2024, 6, 30), D(2024, 6, 30))


def test_achieved_when_latest_meets_target():
    c = classify_target(values=[(D(2023, 12, 31), 17), (D(2024, 6, 30), 42)], target_value=40,
                        target_date=D(2025, 12, 31))
    assert c.klass is TargetClass.ACHIEVED and c.latest == 42


def test_likely_when_the_trend_reaches_the_target_in_time():
    # 17 → 42 in half a year: the line reaches 80 well before the end of 2025.
    c = classify_target(values=[(D(2023, 12, 31), 17), (D(2024, 6, 30), 42)], target_value=80,
                        target_date=D(2025, 12, 31), as_of=D(2024, 7, 1))
    assert c.klass is TargetClass.LIKELY and c.projected > 80


def test_needs_effort_when_the_trend_falls_short_or_no_trend():
    c = classify_target(values=[(D(2023, 12, 31), 9), (D(2024, 6, 30), 10)], target_value=80,
                        target_date=D(2025, 12, 31), as_of=D(2024, 7, 1))
    assert c.klass is TargetClass.NEEDS_EFFORT and c.projected < 80
    single = classify_target(values=[(D(2024, 6, 30), 10)], target_value=80, target_date=D(2025, 12, 31))
    assert single.klass is TargetClass.NEEDS_EFFORT and single.trend is None


def test_baseline_gives_a_trend_to_a_single_value():
    c = classify_target(values=[(D(2024, 6, 30), 42)], target_value=60, target_date=D(2025, 12, 31),
                        baseline=(D(2023, 12, 31), 17), as_of=D(2024, 7, 1))
    assert c.klass is TargetClass.LIKELY


def test_lower_is_better():
    c = classify_target(values=[(D(2023, 12, 31), 10), (D(2024, 6, 30), 8)], target_value=5,
                        target_date=D(2025, 12, 31), direction="lower", as_of=D(2024, 7, 1))
    assert c.klass is TargetClass.LIKELY
    assert classify_target(values=[(D(2024, 6, 30), 4)], target_value=5, target_date=D(2025, 12, 31),
                           direction="lower").klass is TargetClass.ACHIEVED


def test_target_date_passed_unmet_needs_effort():
    c = classify_target(values=[(D(2023, 12, 31), 17), (D(2024, 6, 30), 42)], target_value=50,
                        target_date=D(2024, 12, 31), as_of=D(2025, 3, 1))
    assert c.klass is TargetClass.NEEDS_EFFORT


def test_values_after_as_of_are_ignored():
    vals = [(D(2023, 12, 31), 17), (D(2024, 6, 30), 90)]
    assert classify_target(values=vals, target_value=80, target_date=D(2025, 12, 31),
                           as_of=D(2024, 1, 31)).klass is TargetClass.NEEDS_EFFORT


def test_fit_trend_is_least_squares():
    t = fit_trend([(D(2024, 1, 1), 0), (D(2024, 1, 11), 10), (D(2024, 1, 21), 20)])
    assert abs(t.slope - 1.0) < 1e-9 and abs(t.at(D(2024, 1, 31)) - 30) < 1e-9
