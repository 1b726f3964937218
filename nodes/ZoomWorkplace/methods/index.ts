import { getTimezones } from './loadOptions';
import { searchMeetings, searchUsers } from './listSearch';
import { searchWebinars } from './searchWebinars';

export const listSearch = { searchUsers, searchMeetings, searchWebinars };
export const loadOptions = { getTimezones };
