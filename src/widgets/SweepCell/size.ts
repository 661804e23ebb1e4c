export default 900;
