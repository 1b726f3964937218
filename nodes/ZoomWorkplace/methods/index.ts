import { getTimezones } from './loadOptions';
import { searchChannels, searchMeetingSummaries, searchMeetings, searchUsers } from './listSearch';
import { searchWebinars } from './searchWebinars';

export const listSearch = {
	searchUsers,
	searchMeetings,
	searchWebinars,
	searchMeetingSummaries,
	searchChannels,
};
export const loadOptions = { getTimezones };
