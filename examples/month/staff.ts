/**
 * The demo company's 142 numbers ("Всего 142 номера"): 136 employees in six departments and six
 * external numbers of the kind «Добавленный» (couriers' mobiles). Names come from short lists,
 * so the directory is the same on every run.
 * @module
 */

/** A user number as the demo adds it. */
export interface StaffNumber {
  /** As a person would type it; the command decoder normalises it to E.164. */
  readonly typed: string;
  /** The same number in E.164 (what events and the state carry). */
  readonly number: string;
  readonly kind: 'regular' | 'added';
  readonly fullName: string;
  readonly department: string;
}

/** Departments and their head counts (136 employees). */
export const DEPARTMENTS = [
  ['Отдел продаж', 40],
  ['Служба поддержки', 50],
  ['Логистика', 20],
  ['Бухгалтерия', 10],
  ['Склад', 10],
  ['Руководство', 6],
] as const;

/** The department of external numbers. */
export const EXTERNAL_DEPARTMENT = 'Курьеры';

const MEN = ['Иван', 'Пётр', 'Сергей', 'Алексей', 'Дмитрий', 'Андрей', 'Михаил', 'Олег'];
const WOMEN = ['Анна', 'Мария', 'Елена', 'Ольга', 'Наталья', 'Татьяна', 'Ирина', 'Светлана'];
const SURNAMES = [
  'Иванов',
  'Петров',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Соколов',
  'Лебедев',
  'Козлов',
  'Новиков',
];

const fullNameOf = (i: number): string => {
  const surname = SURNAMES[i % SURNAMES.length] as string;
  return i % 2 === 0
    ? `${surname} ${MEN[(i >> 1) % MEN.length] as string}`
    : `${surname}а ${WOMEN[(i >> 1) % WOMEN.length] as string}`;
};

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** `8 (495) 2XX-XX-XX`: an employee's city number, typed the Russian way. */
const employeeNumber = (i: number): { typed: string; number: string } => {
  const digits = pad(2_000_100 + i * 37, 7);
  return {
    typed: `8 (495) ${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`,
    number: `+7495${digits}`,
  };
};

/** `+7 916 5XX XX XX`: an external mobile. */
const externalNumber = (i: number): { typed: string; number: string } => {
  const digits = pad(5_000_000 + i * 1_111, 7);
  return {
    typed: `+7 916 ${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}`,
    number: `+7916${digits}`,
  };
};

/** The 142 numbers, employees first (department by department), then the external ones. */
export const staffDirectory = (): StaffNumber[] => {
  const staff: StaffNumber[] = [];
  let i = 0;
  for (const [department, headCount] of DEPARTMENTS) {
    for (let k = 0; k < headCount; k++, i++) {
      staff.push({ ...employeeNumber(i), kind: 'regular', fullName: fullNameOf(i), department });
    }
  }
  for (let k = 0; k < 6; k++) {
    staff.push({
      ...externalNumber(k),
      kind: 'added',
      fullName: `Курьер ${k + 1}`,
      department: EXTERNAL_DEPARTMENT,
    });
  }
  return staff;
};

/** Numbers of one department, in directory order. */
export const numbersOf = (staff: readonly StaffNumber[], department: string): string[] =>
  staff.filter((s) => s.department === department).map((s) => s.number);
